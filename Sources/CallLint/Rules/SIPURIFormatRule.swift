/// `sip-uri-format`: a SIP address the API cannot route: no user or host, an `@` escaped as
/// `%40`, spaces; or a user@host that lacks its `sip:` scheme (a warning: the platform may
/// read it as a number or a flow name). `name@localhost` is a flow address, written right.
struct SIPURIFormatRule: Rule {
    static let id = "sip-uri-format"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let isScreened = true

    func check(_ context: RuleContext) {
        for member in context.view.numberAndAddressFields
        where member.numberField == .address && !context.isPlain(member) {
            let value = member.value
            guard let (form, _) = context.addressForm(of: value) else { continue }
            switch form {
            case .sip(let scheme, let rest):
                guard let problem = SIPAddressAnalysis(rest: rest).problem else { continue }
                context.report(
                    problem.message + " in " + JSONString.quoted(scheme + ":" + rest), at: value.range, node: value,
                    help: problem.help)
            case .bareSIP(let address):
                if SIPAddressAnalysis.isFlowAddress(address) { continue }
                if let problem = SIPAddressAnalysis(rest: address).problem {
                    context.report(problem.message, at: value.range, node: value, help: problem.help)
                    continue
                }
                let written = JSONString.quoted("sip:" + address)
                context.report(
                    "SIP address \(JSONString.quoted(address)) has no `sip:` scheme", at: value.range, node: value,
                    severity: .warning,
                    help: "write \(written); without a scheme the platform may read it as a phone number, or as a "
                        + "flow's name (name@localhost)",
                    fix: Fix(
                        title: "add the sip: scheme", edits: [Edits.replace(value, with: written)],
                        applicability: .suggestion))
            case .phone, .tel:
                continue
            }
        }
    }
}
