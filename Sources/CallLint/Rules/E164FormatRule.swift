/// `e164-format`: a number that is right but not written as E.164: separators, an
/// international prefix (`00`, `011`) instead of `+`, vanity letters, digits that are not
/// ASCII, a `tel:` URI in `phoneNumber`/`callerId`, or characters no number has.
struct E164FormatRule: PhoneNumberRule {
    static let id = "e164-format"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe

    enum Problem {
        /// A type name the documentation shows as a placeholder (`"string"`).
        case typeName(String)
        /// A `tel:` local number whose context is a domain: that domain's plan decides.
        case localNumberInDomain(context: String)
        /// Not a number as written; what was read of it.
        case unreadable(notes: [String])
        /// As written, in no range of the country: what was read of it.
        case unreadableAndUnassigned(notes: [String], country: String)
        /// A right number, written otherwise: the correction says what to write.
        case misspelled(notes: [String])
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .format(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .typeName(let written):
            return "is the type name \(JSONString.quoted(written)) that the API documentation shows as a placeholder, "
                + "not a number"
        case .localNumberInDomain(let context):
            return "is a local number in the context of \(JSONString.quoted(context)): which number it dials "
                + "depends on that domain's own plan"
        case .unreadable(let notes), .misspelled(let notes):
            return PhoneNumberWords.notE164 + Prose.list(notes)
        case .unreadableAndUnassigned(let notes, let country):
            return PhoneNumberWords.notE164 + Prose.list(notes)
                + ", and no range of numbers assigned in \(country) has it"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .misspelled: return ""
        default: return PhoneNumberWords.generalHelp
        }
    }
}
