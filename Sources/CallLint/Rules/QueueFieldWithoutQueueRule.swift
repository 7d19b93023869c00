/// `queue-field-without-queue`: `priority`, `languageId`, `routingSkillsIds` or
/// `routingSkillExpression` in a request that calls no queue. The SDK documents each as
/// acting "if calling a queue"; without `callQueueId` it does nothing, or is refused.
struct QueueFieldWithoutQueueRule: Rule {
    static let id = "queue-field-without-queue"
    static let defaultSeverity = Severity.warning
    static let fixAvailability = FixAvailability.none
    static let isScreened = true

    func check(_ context: RuleContext) {
        guard !context.view.callsQueue else { return }
        for member in context.view.queueRoutingMembers {
            guard let keyRange = member.value.keyRange else { continue }
            context.report(
                "`\(member.name)` routes a call to a queue, but the request calls no queue (no `callQueueId`)",
                at: keyRange, node: member.value, exclusive: false,
                help: "add the queue's id as callQueueId, or remove `\(member.name)`")
        }
    }
}
