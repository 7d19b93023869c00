/// `e164-format`: a phone number that is not E.164: separators (spaces, dashes, dots,
/// parentheses), letters, a leading 00, a country code starting with 0, fewer than 8 or more
/// than 15 digits; or a `tel:` URI in `phoneNumber`/`callerId`, which take the bare number.
struct E164FormatRule: Rule {
    static let id = "e164-format"

    func check(_ context: RuleContext) {
        for phone in context.phoneNumberValues {
            let analysis = PhoneNumberAnalysis(phone.number)
            let bareFieldWithScheme = phone.scheme != nil && phone.field != "address"
            if analysis.isWellFormed && !bareFieldWithScheme { continue }
            if analysis.isMissingPlusOnly && (analysis.looksNational || (8...15).contains(analysis.digits.count)) {
                continue  // e164-missing-plus reports it
            }
            var problems = analysis.problems
            if bareFieldWithScheme {
                problems.insert("is a `\(phone.scheme!):` URI; `\(phone.field)` takes the bare E.164 number", at: 0)
            }
            let corrected = analysis.e164.map { bareFieldWithScheme ? $0 : phone.rewritten($0) }
            let help = corrected.map { "write \(JSONWriter.quote($0))" }
                ?? "write the number as + country code and digits only, like \"+13175550123\""
            context.report(
                "phone number \(JSONWriter.quote(phone.number)) in `\(phone.field)` is not E.164: it \(PhoneNumberAnalysis.list(problems))",
                at: phone.value.range, node: phone.value, help: help,
                fix: corrected.map {
                    Fix(title: "write as E.164", edits: [Edits.replace(phone.value, with: JSONWriter.quote($0))], applicability: .suggestion)
                })
        }
    }
}
