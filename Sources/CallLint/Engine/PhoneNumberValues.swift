/// A string value that should hold a phone number: `phoneNumber`, `callerId`, or a
/// participant `address`, when it is not a SIP or flow address. `number` is the text without
/// invisible characters, as written, `tel:` scheme and all.
struct PhoneNumberValue {
    let member: CallRequestView.Member
    let number: String
    /// What is wrong with it, if anything: worked out once, read by every phone-number rule.
    let problem: PhoneNumberProblem?

    var value: JSONValue { member.value }
}

extension RuleContext {
    /// The JSON text a fix writes for a number or address found where it does not belong
    /// (inside `{"phoneNumber": {...}}`, under `to`), moved to a field of `role`: the value
    /// as it is when it is right, the corrected number when exactly one reading is valid, nil
    /// when it is wrong and no correction is certain, or would be wrong in its new place.
    func movedValue(
        _ value: JSONValue, to role: FieldRole, named name: String
    )
        -> (text: String, applicability: Fix.Applicability)?
    {
        let field = PhoneNumberDiagnosis.Field(named: name)
        // `phoneNumber` and a participant's `address` take SIP, flow and `tel:` addresses.
        let takesAddresses = (role == .phoneNumber || role == .address) && field == .address
        guard let (form, cleaned) = addressForm(of: value) else {
            return isPlaceholder(value) ? (value.rawText, .safe) : nil
        }
        let asWritten = cleaned == facts(of: value)?.text ? value.rawText : JSONString.quoted(cleaned)
        switch form {
        case .sip(let scheme, let rest):
            // The plain user@host is right at once; anything else is analysed.
            guard takesAddresses, scheme == "sip",
                SIPAddressAnalysis.isPlainUserAtHost(rest.utf8) || SIPAddressAnalysis(rest: rest).problem == nil
            else { return nil }
            return (asWritten, .safe)
        case .bareSIP(let address):
            return takesAddresses && SIPAddressAnalysis.isFlowAddress(address) ? (asWritten, .safe) : nil
        case .tel(let scheme, let number):
            guard takesAddresses, scheme == "tel" else { return nil }
            return correctedNumber(number, isURI: true, asWritten: asWritten)
        case .phone(let number):
            return correctedNumber(number, isURI: false, asWritten: asWritten)
        }
        func correctedNumber(_ number: String, isURI: Bool, asWritten: String) -> (String, Fix.Applicability)? {
            // An unassigned number is written right (its warning says so wherever it stands).
            guard let problem = phoneNumberDiagnosis.problem(of: number, isURI: isURI, in: field),
                !problem.isUnassigned
            else {
                return (asWritten, .safe)
            }
            guard let corrected = problem.corrected else { return nil }
            return (JSONString.quoted(corrected), problem.applicability)
        }
    }

    static func phoneNumberValues(in view: CallRequestView, context: RuleContext) -> [PhoneNumberValue] {
        var found: [PhoneNumberValue] = []
        // A plain valid number has no problem: it is not read as text at all.
        for member in view.numberAndAddressFields where !context.isPlain(member) {
            guard let (form, cleaned) = context.addressForm(of: member.value), !cleaned.isEmpty else { continue }
            let number: String
            let isURI: Bool
            switch form {
            case .phone(let text): (number, isURI) = (text, false)
            case .tel(_, let text): (number, isURI) = (text, true)
            case .sip, .bareSIP: continue
            }
            let problem = context.phoneNumberDiagnosis.problem(of: number, isURI: isURI, in: member.numberField)
            found.append(PhoneNumberValue(member: member, number: cleaned, problem: problem))
        }
        return found
    }
}
