/// A rule that reports one kind of phone-number problem. The problem of each value is worked
/// out once (PhoneNumberDiagnosis), so a number draws exactly one diagnostic, from the rule
/// whose problem it is; the rule says it in its own words.
protocol PhoneNumberRule: Rule {
    /// The facts this rule's findings are made of.
    associatedtype Problem
    /// This rule's problem in a finding; nil when the finding is another rule's.
    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem?
    /// What is wrong, to follow "phone number "…" in `field` ".
    static func message(_ problem: Problem) -> String
    /// What to do, after "write …" when there is a correction; empty when that says it all.
    static func help(_ problem: Problem) -> String
}

extension PhoneNumberRule {
    /// The screen passes a number only when `PhoneNumberDiagnosis.isPlainValidNumber` does, and
    /// the diagnosis finds no problem in such a number.
    static var isScreened: Bool { true }

    func check(_ context: RuleContext) {
        for phone in context.phoneNumberValues {
            guard let found = phone.problem, let problem = Self.problem(in: found.finding) else { continue }
            // Message, help and fix are autoclosures: worked out only for a finding that is kept.
            context.report(
                "phone number \(JSONString.quoted(phone.number)) in `\(phone.member.path)` \(Self.message(problem))",
                at: phone.value.range,
                node: phone.value, severity: found.severity,
                help: Self.help(problem, writing: found.corrected),
                fix: found.corrected.map { corrected in
                    let written = JSONString.quoted(corrected)
                    return Fix(
                        title: "write \(written)", edits: [Edits.replace(phone.value, with: written)],
                        applicability: found.applicability)
                })
        }
    }
}

extension PhoneNumberRule {
    /// The help of a finding: "write" the correction first, when there is one.
    static func help(_ problem: Problem, writing corrected: String?) -> String {
        let help = help(problem)
        guard let corrected else { return help }
        return "write \(JSONString.quoted(corrected))" + (help.isEmpty ? "" : "; " + help)
    }
}

/// Words the phone-number rules share.
enum PhoneNumberWords {
    static let notE164 = "is not E.164 (a `+` and digits only): it "
    static let generalHelp = "write the number as + country code and digits only, like \"+13175550123\""
}
