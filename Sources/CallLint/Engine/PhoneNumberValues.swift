/// A string value that should hold a phone number: `phoneNumber`, `callerId`, or a
/// participant `address` that is not a SIP address. `number` is the text without invisible
/// characters and without a `tel:` prefix; `scheme` is that prefix as written, if any.
struct PhoneNumberValue {
    let member: CallRequestView.Member
    let number: String
    let scheme: String?
    /// What is wrong with it, if anything: worked out once, read by every phone-number rule.
    let problem: PhoneNumberProblem?

    var value: JSONValue { member.value }

    /// A `tel:` URI where the field takes the bare number.
    var hasSchemeTheFieldDoesNotTake: Bool { scheme != nil && member.role != .address }

    /// The value written with a corrected number, keeping a `tel:` prefix where it belongs.
    func rewritten(_ corrected: String) -> String {
        hasSchemeTheFieldDoesNotTake ? corrected : (scheme.map { $0.lowercased() + ":" } ?? "") + corrected
    }
}

extension RuleContext {
    static func phoneNumberValues(in view: CallRequestView, context: RuleContext) -> [PhoneNumberValue] {
        var found: [PhoneNumberValue] = []
        for member in view.numberAndAddressFields {
            guard let cleaned = context.cleanedContent(of: member.value), !cleaned.isEmpty else { continue }
            let number: String
            let scheme: String?
            switch AddressForm(cleaned) {
            case .phone(let text): (number, scheme) = (text, nil)
            case .tel(let written, let text): (number, scheme) = (text, written)
            case .sip, .bareSIP: continue
            }
            let bareField = scheme != nil && member.role != .address ? member.name : nil
            let problem = context.phoneNumberDiagnosis.problem(of: number, bareSchemeField: bareField)
            found.append(PhoneNumberValue(member: member, number: number, scheme: scheme, problem: problem))
        }
        return found
    }
}
