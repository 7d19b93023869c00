/// `e164-short-number`: an emergency number (`911`, `112`, `999`, `000`, `10111`) or a short
/// service number where a number to call goes. It is never rewritten into a `+` number.
struct E164ShortNumberRule: PhoneNumberRule {
    static let id = "e164-short-number"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let problemKind = PhoneNumberProblem.Kind.shortNumber
}
