/// `whitespace-in-address`: spaces around a phone number or address, or characters nobody
/// can see (no-break and zero-width spaces, direction marks) anywhere in it, usually pasted
/// from a web page, spreadsheet or chat. Visible separators inside a number are
/// `e164-format`'s; spaces inside a SIP address are `sip-uri-format`'s.
struct WhitespaceInAddressRule: Rule {
    static let id = "whitespace-in-address"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let isScreened = true

    func check(_ context: RuleContext) {
        for member in context.view.numberAndAddressFields where !context.isPlain(member) {
            let value = member.value
            guard let text = context.content(of: value), let cleaned = context.cleanedContent(of: value),
                cleaned != text || !text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
                let problem = describe(text)
            else { continue }
            context.report(
                "`\(member.name)` \(problem)", at: value.range, node: value, exclusive: false,
                help: "write \(JSONString.quoted(cleaned))",
                fix: Fix(
                    title: "remove the whitespace", edits: [Edits.replace(value, with: JSONString.quoted(cleaned))],
                    applicability: .safe))
        }
    }

    func describe(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if let invisible = scalars.first(where: InvisibleCharacters.isAlwaysInvisible),
            let name = InvisibleCharacters.name(of: invisible)
        {
            let position = scalars.firstIndex(of: invisible)! + 1
            return
                "contains \(name) (U+\(hex(invisible.value, width: 4))) at character \(position), which most editors "
                + "do not show"
        }
        let leading = scalars.first.map(InvisibleCharacters.isWhitespaceLike) ?? false
        let trailing = scalars.last.map(InvisibleCharacters.isWhitespaceLike) ?? false
        switch (leading, trailing) {
        case (true, true): return "has spaces before and after it"
        case (true, false): return "starts with a space"
        case (false, true): return "ends with a space"
        default: return nil
        }
    }
}
