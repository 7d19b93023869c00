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
    /// The JSON text a fix writes for a number or address found where it does not belong
    /// (inside `{"phoneNumber": {...}}`, under `to`), moved to a field of `role`: the value
    /// as it is when it is right, the corrected number when exactly one reading is valid, nil
    /// when it is wrong and no correction is certain, or would be wrong in its new place.
    func movedValue(_ value: JSONValue, to role: FieldRole) -> (text: String, applicability: Fix.Applicability)? {
        guard let (form, cleaned) = addressForm(of: value) else {
            return isPlaceholder(value) ? (value.rawText, .safe) : nil
        }
        let asWritten = cleaned == facts(of: value)?.text ? value.rawText : JSONString.quoted(cleaned)
        switch form {
        case .sip(let scheme, let rest):
            // The plain user@host is right at once; anything else is analysed.
            guard role == .address, scheme == "sip",
                SIPAddressAnalysis.isPlainUserAtHost(rest.utf8) || SIPAddressAnalysis(rest: rest).problem == nil
            else { return nil }
            return (asWritten, .safe)
        case .bareSIP:
            return nil
        case .tel(let scheme, let number):
            guard role == .address, scheme == "tel" else { return nil }
            return correctedNumber(number, scheme: "tel:", asWritten: asWritten)
        case .phone(let number):
            return correctedNumber(number, scheme: "", asWritten: asWritten)
        }
        func correctedNumber(_ number: String, scheme: String, asWritten: String) -> (String, Fix.Applicability)? {
            // An unassigned number is written right (its warning says so wherever it stands).
            guard let problem = phoneNumberDiagnosis.problem(of: number), problem.kind != .unassigned else {
                return (asWritten, .safe)
            }
            guard let corrected = problem.corrected else { return nil }
            return (JSONString.quoted(scheme + corrected), problem.applicability)
        }
    }

    static func phoneNumberValues(in view: CallRequestView, context: RuleContext) -> [PhoneNumberValue] {
        var found: [PhoneNumberValue] = []
        for member in view.numberAndAddressFields {
            guard let (form, cleaned) = context.addressForm(of: member.value), !cleaned.isEmpty else { continue }
            let number: String
            let scheme: String?
            switch form {
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
