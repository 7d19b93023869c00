/// `e164-extension`: a number with an extension (`x123`, `ext. 123`, `;ext=123`, `#123`), which is
/// never dialled as digits.
struct E164ExtensionRule: PhoneNumberRule {
    static let id = "e164-extension"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion

    struct Problem {
        /// The extension as written (`x123`).
        let written: String
        /// The field takes addresses, so `tel:+E164;ext=N` can carry it; `callerId` cannot.
        let fieldTakesAddresses: Bool
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .extension(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        "has an extension (`\(problem.written)`): the site's number plan decides whether the digits after the "
            + "number are dialled or the call fails"
    }

    static func help(_ problem: Problem) -> String {
        problem.fieldTakesAddresses
            ? "the address form for a number with an extension is tel:+E164;ext=N"
            : "a caller id has no extension: write the number alone"
    }
}
