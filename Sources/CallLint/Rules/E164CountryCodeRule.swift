/// `e164-country-code`: a number whose country calling code does not exist (`+999...`).
struct E164CountryCodeRule: PhoneNumberRule {
    static let id = "e164-country-code"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none

    enum Problem {
        /// A `0` right after `+` or an international prefix.
        case zeroAfterInternationalPrefix
        /// No calling code begins the digits; the one, two and three first digits.
        case noCallingCode(prefixes: [String])
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .countryCode(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .zeroAfterInternationalPrefix:
            return "starts with 0 after the international prefix, and no country code does"
        case .noCallingCode(let prefixes):
            return "has no country code: no country has the calling code \(Prose.list(prefixes, conjunction: "or"))"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .zeroAfterInternationalPrefix:
            return "write + and the country code, like +44 for the United Kingdom, then the number without its trunk 0"
        case .noCallingCode:
            return "check the country code (+1 United States and Canada, +44 United Kingdom, +61 Australia...)"
        }
    }
}
