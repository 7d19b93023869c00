/// `missing-target`: the request names nobody to call: none of `phoneNumber`, `callUserId`,
/// `callQueueId`, `participants`, `conversationIds`. A key that stands for a target
/// (`phone_number`, `"to": "+1..."`) counts as it; when an invented key wraps a target
/// (`"to": {"phoneNumber": ...}`), `unknown-key` already says what to write, so this rule
/// stays quiet.
struct MissingTargetRule: Rule {
    static let id = "missing-target"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let isScreened = true

    func check(_ context: RuleContext) {
        guard let request = context.view.request else { return }
        guard context.view.targets.isEmpty else { return }
        // `"to": {"phoneNumber": ...}`: unknown-key says to write phoneNumber.
        let inventedTarget = context.view.unknownMembers.contains { member in
            member.owner.isRequest
                && CallRequestModel.targetFields.contains(InventedKeys.request[member.name]?.replacement ?? "")
        }
        guard !inventedTarget else { return }
        context.report(
            "the request names nobody to call: it has none of \(CallRequestModel.targetFields.joined(separator: ", "))",
            at: request.range.lowerBound..<request.range.lowerBound + 1, node: request, scope: request.range,
            exclusive: false,
            help:
                "add \"phoneNumber\": \"+13175550123\" to dial a number (or callUserId, callQueueId, participants, "
                + "conversationIds)"
        )
    }
}
