/// `multiple-targets`: more than one of `phoneNumber`, `callUserId`, `callQueueId`,
/// `participants`, `conversationIds`. The API documents one destination per request (400
/// too.many.create.conversation.parameters). `participants` with `conversationIds` is a
/// warning: both make an ad-hoc conference, and whether they combine is not documented.
struct MultipleTargetsRule: Rule {
    static let id = "multiple-targets"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let isScreened = true

    func check(_ context: RuleContext) {
        let targets = context.view.targets
        guard targets.count > 1, let second = targets.dropFirst().first, let keyRange = second.value.keyRange else {
            return
        }
        let names = targets.map { "`\($0.name)`" }
        let conferenceOnly = Set(targets.map(\.fieldName)) == ["participants", "conversationIds"]
        let message =
            conferenceOnly
            ? "`participants` and `conversationIds` together: the API documents one destination per request, and "
                + "does not "
                + "say whether it merges existing calls and dials new parties in one request"
            : "the request names \(targets.count) call targets (\(Prose.list(names))): the API takes one and "
                + "answers 400 too.many.create.conversation.parameters"
        context.report(
            message, at: keyRange, node: second.value, exclusive: false,
            severity: conferenceOnly ? .warning : nil,
            help: conferenceOnly
                ? "create the conference with one of them, then add the others to it"
                : "keep one: phoneNumber dials a number, callUserId a user, callQueueId a queue; participants or "
                    + "conversationIds make a conference",
            related: targets.filter { $0.value.index != second.value.index }.compactMap { target in
                target.value.keyRange.map {
                    Diagnostic.Related(range: $0, message: "`\(target.name)` is a call target too")
                }
            })
    }
}
