/// `e164-missing-plus`: a number without its leading `+` (or in national format). Which
/// number it is depends on the country: the fix is offered only when exactly one reading is
/// a valid number, or when `defaultRegion` says which country national numbers belong to.
struct E164MissingPlusRule: PhoneNumberRule {
    static let id = "e164-missing-plus"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let problemKind = PhoneNumberProblem.Kind.missingPlus
}
