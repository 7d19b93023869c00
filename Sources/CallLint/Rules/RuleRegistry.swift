/// Every rule, most specific first. The order is the precedence of "one mistake, one
/// diagnostic": an exclusive finding hides the findings of rules listed after it inside its
/// scope, so a `to` key reported as unknown is not also a wrong type and a bad phone number.
public enum RuleRegistry {
    static let rules: [any Rule] = [
        InvalidJSONRule(),
        TypographicSyntaxRule(),
        EmbeddedBodyRule(),
        WrappedBodyRule(),
        DuplicateKeyRule(),
        ParticipantsShapeRule(),
        AddressTypeMismatchRule(),
        AddressTypeCaseRule(),
        UnknownKeyRule(),
        NestedPhoneNumberRule(),
        EmptyValueRule(),
        WrongTypeRule(),
        WhitespaceInAddressRule(),
        SIPURIFormatRule(),
        E164ShortNumberRule(),
        E164CountryCodeRule(),
        E164TrunkPrefixRule(),
        E164LengthRule(),
        E164ExtensionRule(),
        E164MissingPlusRule(),
        E164FormatRule(),
        E164UnassignedRule(),
        IdFormatRule(),
        MissingTargetRule(),
        MultipleTargetsRule(),
        QueueFieldWithoutQueueRule(),
        CallerIdNotAllowedRule(),
    ]

    /// Rule ids in precedence order (the order rules run in).
    public static let ids: [String] = rules.map(\.id)

    static let types: [any Rule.Type] = rules.map { Swift.type(of: $0) }

    static func type(of id: String) -> (any Rule.Type)? {
        precedenceByID[id].map { types[$0] }
    }

    public static func defaultSeverity(of id: String) -> Severity? { type(of: id)?.defaultSeverity }

    /// The configuration key a rule needs before it runs unselected, if any.
    public static func requiredSetting(of id: String) -> String? { type(of: id)?.requiredSetting?.name }

    static let precedenceByID: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
}
