/// `e164-trunk-prefix`: a number that keeps the national trunk prefix after the country code
/// (`+44 020...`, `+44 (0)20...`).
struct E164TrunkPrefixRule: PhoneNumberRule {
    static let id = "e164-trunk-prefix"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe

    enum Problem {
        /// The trunk prefix is read off, and the correction writes the number without it.
        case kept(notes: [String])
        /// Without the trunk prefix the number is in no range assigned: what is kept, said.
        case leavesNoAssignedNumber(note: String)
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .trunkPrefix(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .kept(let notes): return Prose.list(notes)
        case .leavesNoAssignedNumber(let note):
            return note + ", and without it the number is in no range assigned there"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .kept: return ""
        case .leavesNoAssignedNumber: return "check the digits after the trunk prefix"
        }
    }
}
