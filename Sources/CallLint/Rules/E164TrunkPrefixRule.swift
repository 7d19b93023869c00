/// `e164-trunk-prefix`: a number that keeps the national trunk prefix after the country code
/// (`+44 020...`, `+44 (0)20...`).
struct E164TrunkPrefixRule: PhoneNumberRule {
    static let id = "e164-trunk-prefix"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let problemKind = PhoneNumberProblem.Kind.trunkPrefix
}
