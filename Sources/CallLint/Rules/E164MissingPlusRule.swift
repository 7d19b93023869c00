/// `e164-missing-plus`: a phone number without its leading `+`. Without it the API cannot
/// tell the country code from the rest, and answers "Malformed participant address".
struct E164MissingPlusRule: Rule {
    static let id = "e164-missing-plus"

    func check(_ context: RuleContext) {
        for phone in context.phoneNumberValues {
            let analysis = PhoneNumberAnalysis(phone.number)
            guard analysis.isMissingPlusOnly else { continue }
            if analysis.looksNational {
                context.report(
                    "phone number \(JSONWriter.quote(phone.number)) in `\(phone.field)` is in national format: no `+` and no country code",
                    at: phone.value.range, node: phone.value,
                    help: "replace the leading 0 with + and the country code, for example +44 for the United Kingdom or +61 for Australia")
                continue
            }
            guard (8...15).contains(analysis.digits.count) else { continue }  // e164-format explains the length
            let corrected = "+" + analysis.digits
            var help = "write \(JSONWriter.quote(phone.rewritten(corrected)))"
            if Self.looksNorthAmerican(analysis.digits) {
                help += ", if it starts with its country code; a North American number without its 1 is \(JSONWriter.quote(phone.rewritten("+1" + analysis.digits)))"
            }
            context.report(
                "phone number \(JSONWriter.quote(phone.number)) in `\(phone.field)` has no leading `+`", at: phone.value.range,
                node: phone.value, help: help,
                fix: Fix(
                    title: "add the `+`", edits: [Edits.replace(phone.value, with: JSONWriter.quote(phone.rewritten(corrected)))],
                    applicability: .suggestion))
        }
    }

    /// Ten digits shaped like a NANP number without its 1: area code and exchange both start
    /// with 2 to 9.
    static func looksNorthAmerican(_ digits: String) -> Bool {
        let characters = Array(digits)
        return characters.count == 10 && "23456789".contains(characters[0]) && "23456789".contains(characters[3])
    }
}
