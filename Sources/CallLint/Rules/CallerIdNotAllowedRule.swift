/// `caller-id-not-allowed`: a `callerId` that is not one of the numbers the organization has
/// provisioned for outbound caller ID (`allowedCallerIds` in the configuration). The forum's
/// most cited real cause of a 400 on a well-formed body. Off unless configured.
struct CallerIdNotAllowedRule: Rule {
    static let id = "caller-id-not-allowed"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let requiredSetting: RequiredSetting? = RequiredSetting(name: "allowedCallerIds") {
        $0.allowedCallerIds != nil
    }

    func check(_ context: RuleContext) {
        guard let allowed = context.settings.allowedCallerIds,
            let normalizedAllowed = context.settings.normalizedAllowedCallerIds
        else { return }
        for member in context.view.fields(.phoneNumber) where member.fieldName == "callerId" {
            let value = member.value
            guard let text = context.content(of: value) else { continue }
            guard !normalizedAllowed.contains(Self.normalize(text)) else { continue }
            let shown =
                allowed.prefix(5).map { JSONString.quoted($0) }.joined(separator: ", ")
                + (allowed.count > 5 ? ", ..." : "")
            context.report(
                "`callerId` \(JSONString.quoted(text)) is not one of the organization's caller ids (allowedCallerIds)",
                at: value.range, node: value,
                help: allowed.isEmpty
                    ? "allowedCallerIds is empty: list the organization's outbound numbers in the configuration"
                    : "use one of \(shown), or add it to allowedCallerIds once it is provisioned")
        }
    }

    /// Compares numbers by their digits after the `+`, so "+1 317 555 0100" matches
    /// "+13175550100"; a number without its `+` is compared as written (no guess at it).
    static func normalize(_ text: String) -> String {
        let cleaned = InvisibleCharacters.cleaned(text)
        let number = PhoneNumberText(cleaned)
        guard number.hasPlus, number.others.isEmpty, number.letters.isEmpty, number.extensionDigits == nil else {
            return cleaned
        }
        return "+" + number.digits.map(String.init).joined()
    }
}
