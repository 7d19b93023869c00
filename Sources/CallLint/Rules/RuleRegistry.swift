/// Every rule, most specific first. The order is the precedence of "one mistake, one
/// diagnostic": an exclusive finding hides the findings of rules listed after it inside its
/// scope, so a `to` key reported as unknown is not also a wrong type and a bad phone number.
enum RuleRegistry {
    static let rules: [any Rule] = [
        InvalidJSONRule(),
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

    static let ids: [String] = rules.map(\.id)

    static let precedence: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
}
