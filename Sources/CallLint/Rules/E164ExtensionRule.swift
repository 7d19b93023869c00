/// `e164-extension`: a number with an extension (`x123`, `ext. 123`, `;ext=123`, `#123`), which is
/// never dialled as digits.
struct E164ExtensionRule: PhoneNumberRule {
    static let id = "e164-extension"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let problemKind = PhoneNumberProblem.Kind.hasExtension
}
