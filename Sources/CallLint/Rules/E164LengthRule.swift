/// `e164-length`: a number whose length its country's numbers never have, or more than 15 digits.
struct E164LengthRule: PhoneNumberRule {
    static let id = "e164-length"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let problemKind = PhoneNumberProblem.Kind.impossibleLength
}
