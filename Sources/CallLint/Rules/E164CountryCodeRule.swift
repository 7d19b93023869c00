/// `e164-country-code`: a number whose country calling code does not exist (`+999...`).
struct E164CountryCodeRule: PhoneNumberRule {
    static let id = "e164-country-code"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let problemKind = PhoneNumberProblem.Kind.unknownCountryCode
}
