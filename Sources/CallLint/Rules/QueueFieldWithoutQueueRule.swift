/// `queue-field-without-queue`: `priority`, `languageId`, `routingSkillsIds` or
/// `routingSkillExpression` in a request that calls no queue. The SDK documents each as
/// acting "if calling a queue"; without `callQueueId` it does nothing, or is refused.
struct QueueFieldWithoutQueueRule: Rule {
    static let id = "queue-field-without-queue"

    func check(_ context: RuleContext) {
        let members = context.view.members
        let callsQueue = members.contains { member in
            member.value.kind != .null && (member.fieldName == "callQueueId" || member.fieldName == "queueId")
        }
        guard !callsQueue else { return }
        for member in members
        where member.owner.isRequest && member.value.kind != .null
            && CallRequestModel.queueRoutingFields.contains(member.fieldName)
        {
            guard let keyRange = member.value.keyRange else { continue }
            context.report(
                "`\(member.name)` routes a call to a queue, but the request calls no queue (no `callQueueId`)",
                at: keyRange, node: member.value, exclusive: false,
                help: "add the queue's id as callQueueId, or remove `\(member.name)`")
        }
    }
}
