/// Every rule, most specific first. The order is the precedence of "one mistake, one
/// diagnostic": an exclusive finding hides the findings of rules listed after it inside its
/// scope, so a `to` key reported as unknown is not also a wrong type and a bad phone number.
enum RuleRegistry {
    static let rules: [any Rule] = [
        InvalidJSONRule(),
        DuplicateKeyRule(),
        ParticipantsShapeRule(),
        AddressTypeMismatchRule(),
        AddressTypeCaseRule(),
        UnknownKeyRule(),
        NestedPhoneNumberRule(),
        WrongTypeRule(),
        WhitespaceInAddressRule(),
        SIPURIFormatRule(),
        E164MissingPlusRule(),
        E164FormatRule(),
        IdFormatRule(),
        MissingTargetRule(),
        CallerIdNotAllowedRule(),
    ]

    static let ids: [String] = rules.map(\.id)

    static let precedence: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
}
