/// A rule that reports one kind of phone-number problem. The problem of each value is worked
/// out once (PhoneNumberDiagnosis), so a number draws exactly one diagnostic, from the rule
/// whose kind it is.
protocol PhoneNumberRule: Rule {
    static var problemKind: PhoneNumberProblem.Kind { get }
}

extension PhoneNumberRule {
    /// The screen passes a number only when `PhoneNumberDiagnosis.isPlainValidNumber` does, and
    /// the diagnosis finds no problem in such a number.
    static var isScreened: Bool { true }

    func check(_ context: RuleContext) {
        for phone in context.phoneNumberValues {
            guard let problem = phone.problem, problem.kind == Self.problemKind else { continue }
            let fix = problem.corrected.map { corrected in
                let written = JSONString.quoted(corrected)
                return Fix(
                    title: "write \(written)", edits: [Edits.replace(phone.value, with: written)],
                    applicability: problem.applicability)
            }
            context.report(
                "phone number \(JSONString.quoted(phone.number)) in `\(phone.member.path)` \(problem.message)",
                at: phone.value.range,
                node: phone.value, severity: problem.severity, help: problem.help, fix: fix)
        }
    }
}
