/// `participants-shape`: `participants` must be an array of Destination objects, each one
/// party to call, each with an `address`. Forum payloads send an object, bare strings, or
/// call legs with `to`/`from`/`type`.
struct ParticipantsShapeRule: Rule {
    static let id = "participants-shape"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let isScreened = true

    func check(_ context: RuleContext) {
        for list in context.view.participantLists where list.kind != .null && !context.isPlaceholder(list) {
            guard list.kind == .array else {
                reportNotArray(list, context)
                // The object stands for the one participant it holds: checked as such.
                if list.kind == .object { checkParticipant(list, context) }
                continue
            }
            if list.childCount == 0 {
                context.report(
                    "`participants` is empty", at: list.range, node: list,
                    help:
                        "an ad-hoc conference needs at least one party: [{\"address\": \"+13175550123\"}]; to dial "
                        + "one number, use `phoneNumber` instead"
                )
            }
            for item in list.children where !context.isPlaceholder(item) {
                if item.kind == .object {
                    checkParticipant(item, context)
                } else {
                    reportNotObject(item, context)
                }
            }
        }
    }

    func reportNotArray(_ list: JSONValue, _ context: RuleContext) {
        if list.kind == .object {
            // Not exclusive: the object is checked as the participant it stands for.
            context.report(
                "`participants` is a single object; it must be an array of participants",
                at: list.range.lowerBound..<list.range.lowerBound + 1, node: list, exclusive: false,
                help: "wrap it in [ and ]",
                fix: Fix(
                    title: "wrap in an array", edits: [Edits.replace(list, with: "[" + list.rawText + "]")],
                    applicability: .suggestion))
            return
        }
        let example = list.kind == .string ? "[{\"address\": \(list.rawText)}]" : "[{\"address\": \"+13175550123\"}]"
        context.report(
            "`participants` must be an array of participant objects, found \(list.kind.description)", at: list.range,
            node: list,
            help: "write \"participants\": \(example)")
    }

    func reportNotObject(_ item: JSONValue, _ context: RuleContext) {
        if item.kind == .string {
            let moved = context.movedValue(item, to: .address, named: "address")
            let replacement = "{\"address\": \(moved?.text ?? item.rawText)}"
            context.report(
                "each participant is an object with an `address`, found a string", at: item.range, node: item,
                help: "write \(replacement)"
                    + (moved == nil ? ", with the number in E.164 (+ country code and digits)" : ""),
                fix: moved.map { _ in
                    Fix(
                        title: "wrap in a participant object", edits: [Edits.replace(item, with: replacement)],
                        applicability: .suggestion)
                })
        } else {
            context.report(
                "each participant is an object with an `address`, found \(item.kind.description)", at: item.range,
                node: item,
                help: "write {\"address\": \"+13175550123\"}")
        }
    }

    func checkParticipant(_ item: JSONValue, _ context: RuleContext) {
        var explainedMissingAddress = false
        let hasAddress = item.member("address").map { $0.kind != .null } ?? false
        // Since SDK 224.0.0 a participant may be reached by userId or queueId instead; a
        // misspelled key ("Address") is the field it misspells, reported by unknown-key.
        let isReachable = item.children.contains { member in
            guard member.kind != .null, let key = member.key else { return false }
            if CallRequestModel.reachFields.contains(key) { return true }
            if CallRequestModel.destinationFields[key] != nil || CallRequestModel.callLegKeys.contains(key) {
                return false
            }
            if let advice = InventedKeys.destination[key] {
                return member.kind == .string && CallRequestModel.reachFields.contains(advice.replacement ?? "")
            }
            let field = KeySuggester.suggest(key, among: CallRequestModel.destinationFieldCandidates)?.field ?? ""
            return CallRequestModel.reachFields.contains(field)
        }
        for member in item.children {
            guard let key = member.key, let keyRange = member.keyRange, CallRequestModel.callLegKeys.contains(key)
            else { continue }
            // A `to` says whom to call, in the wrong place, and a `from` makes the item a caller's
            // leg, not a party: either explains the missing address. A `type` does not.
            if key != "type" { explainedMissingAddress = true }
            switch key {
            case "to":
                let number = EmbeddedAddress.find(in: member)
                let fix = number.flatMap { number -> Fix? in
                    guard !hasAddress, let moved = context.movedValue(number, to: .address, named: "address") else {
                        return nil
                    }
                    return Fix(
                        title: "replace `to` with `address`",
                        edits: [Edits.replaceMember(member, with: "\"address\": " + moved.text)],
                        applicability: moved.applicability)
                }
                context.report(
                    "a participant has no `to`: each participant is one party to call, with its number in `address`",
                    at: keyRange, node: member, scope: member.memberRange,
                    help: number.map { "write \"address\": \($0.rawText)" } ?? "write \"address\": \"+13175550123\"",
                    fix: fix)
            case "from":
                let number = EmbeddedAddress.find(in: member)
                context.report(
                    "a participant has no `from`: the caller is not one of the participants",
                    at: keyRange, node: member, scope: member.memberRange,
                    help:
                        "remove it; to choose the number callees see, set \"callerId\": "
                        + "\(number?.rawText ?? "\"+13175550100\"") on the request itself"
                )
            default:
                context.report(
                    "a participant has no `type`: the address itself says whether it is a phone number or a SIP "
                        + "address",
                    at: keyRange, node: member, scope: member.memberRange,
                    help: "remove `type`",
                    fix: Fix(title: "remove `type`", edits: [Edits.remove(member)], applicability: .suggestion))
            }
        }
        if !isReachable, !explainedMissingAddress {
            context.report(
                "participant has no `address`, `userId` or `queueId`: nothing says whom to call",
                at: item.range.lowerBound..<item.range.lowerBound + 1, node: item, scope: item.range, exclusive: false,
                help:
                    "add \"address\": \"+13175550123\" (an E.164 number, a tel: URI or a sip: URI), or a userId or "
                    + "queueId"
            )
        }
    }
}
