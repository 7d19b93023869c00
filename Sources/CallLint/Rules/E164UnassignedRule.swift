/// `e164-unassigned`: a number of possible length in no range its country has assigned (a warning: the data can lag).
struct E164UnassignedRule: PhoneNumberRule {
    static let id = "e164-unassigned"
    static let defaultSeverity = Severity.warning
    static let fixAvailability = FixAvailability.none

    struct Problem {
        let country: String
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .unassigned(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        "is not in any range of numbers assigned in \(problem.country) "
            + "(libphonenumber \(NumberingPlan.metadataVersion))"
    }

    static func help(_ problem: Problem) -> String {
        "check the digits; if the range was assigned recently, the data may lag: ignore this warning"
    }
}
