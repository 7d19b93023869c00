/// `e164-format`: a number that is right but not written as E.164: separators, an
/// international prefix (`00`, `011`) instead of `+`, vanity letters, digits that are not
/// ASCII, a `tel:` URI in `phoneNumber`/`callerId`, or characters no number has.
struct E164FormatRule: PhoneNumberRule {
    static let id = "e164-format"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let problemKind = PhoneNumberProblem.Kind.format
}
