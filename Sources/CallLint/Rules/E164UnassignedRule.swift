/// `e164-unassigned`: a number of possible length in no range its country has assigned (a warning: the data can lag).
struct E164UnassignedRule: PhoneNumberRule {
    static let id = "e164-unassigned"
    static let defaultSeverity = Severity.warning
    static let fixAvailability = FixAvailability.none
    static let problemKind = PhoneNumberProblem.Kind.unassigned
}
