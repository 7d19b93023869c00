/// `e164-length`: a number whose length its country's numbers never have, or more than 15 digits.
struct E164LengthRule: PhoneNumberRule {
    static let id = "e164-length"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none

    enum Problem {
        /// More digits than E.164 allows; the country's lengths after its calling code.
        case overFifteen(digits: Int, country: String, lengths: String, callingCode: Int)
        /// A length the country's numbers never have after `+code (Country)`.
        case impossible(digits: Int, country: String, lengths: String, isLocalNumberLength: Bool)
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .length(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .overFifteen(let digits, _, _, _):
            return "has \(digits) digits; E.164 allows at most 15"
        case .impossible(let count, let country, let lengths, let isLocal):
            let local = isLocal ? ", the length of a local number without its area code" : ""
            return "has \(count) digit\(count == 1 ? "" : "s") after the country code \(country)\(local); numbers "
                + "there have \(lengths)"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .overFifteen(_, let country, let lengths, let code):
            return "check the number: \(country) numbers have \(lengths) digits after \(code)"
        case .impossible(_, _, _, let isLocal):
            return isLocal ? "add the area code" : "check the number: a digit is missing or one too many"
        }
    }
}
