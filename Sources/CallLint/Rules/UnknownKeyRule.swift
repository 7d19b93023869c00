/// `unknown-key`: a key that CreateCallRequest or Destination does not have: an invention
/// from a forum answer (`to`, `from`, `callType`, `providerId`) or a misspelling
/// (`callerID`, `phone_number`). The message names the field to use instead.
struct UnknownKeyRule: Rule {
    static let id = "unknown-key"

    func check(_ context: RuleContext) {
        for member in context.view.unknownMembers {
            guard let keyRange = member.value.keyRange, !context.settings.placeholders.containsPlaceholder(member.name) else { continue }
            let (modelName, candidates, fieldList, inventions, otherFields):
                (String, KeySuggester.Candidates, String, [String: KeyAdvice], [String: FieldRole])
            let owner: JSONValue
            switch member.owner {
            case .request:
                (modelName, candidates, fieldList, inventions, otherFields) = (
                    "the request (CreateCallRequest)", CallRequestModel.requestFieldCandidates, CallRequestModel.requestFieldList,
                    InventedKeys.request, CallRequestModel.destinationFields
                )
                owner = context.view.request!
            case .destination(let item):
                (modelName, candidates, fieldList, inventions, otherFields) = (
                    "a participant (Destination)", CallRequestModel.destinationFieldCandidates, CallRequestModel.destinationFieldList,
                    InventedKeys.destination, CallRequestModel.requestFields
                )
                owner = item
            }
            let value = member.value
            let message = "unknown key \(JSONWriter.quote(member.name)): \(modelName) has no such field"
            let report = { (help: String, fix: Fix?) in
                context.report(message, at: keyRange, node: value, scope: value.memberRange, help: help, fix: fix)
            }
            if let advice = inventions[member.name] {
                let advised = Self.help(for: advice, value: value, owner: owner)
                report(advised.help, advised.fix)
                continue
            }
            switch KeySuggester.suggest(member.name, among: candidates) {
            case .spelling(let field):
                let fix = owner.member(field) == nil ? Edits.renameKey(of: value, to: field).map {
                    Fix(title: "rename to `\(field)`", edits: [$0], applicability: .safe)
                } : nil
                report("field names are case-sensitive camelCase: write \(JSONWriter.quote(field))", fix)
            case .typo(let field):
                let fix = owner.member(field) == nil ? Edits.renameKey(of: value, to: field).map {
                    Fix(title: "rename to `\(field)`", edits: [$0], applicability: .suggestion)
                } : nil
                report("did you mean \(JSONWriter.quote(field))?", fix)
            case nil:
                if otherFields[member.name] != nil {
                    let place = member.owner.isRequest ? "inside a participant (an item of `participants`)" : "on the request itself, not inside a participant"
                    report("\(JSONWriter.quote(member.name)) belongs \(place)", nil)
                } else {
                    report("the fields are " + fieldList, nil)
                }
            }
        }
    }

    /// What to write for an invented key; when the replacement field is known and the value
    /// holds exactly one address, the fix writes the replacement member.
    static func help(for advice: KeyAdvice, value: JSONValue, owner: JSONValue) -> (help: String, fix: Fix?) {
        guard let replacement = advice.replacement else {
            return (
                advice.reason + "; remove it",
                Fix(title: "remove \(JSONWriter.quote(value.key ?? ""))", edits: [Edits.remove(value)], applicability: .suggestion)
            )
        }
        let carried = value.kind == .string ? value : EmbeddedAddress.find(in: value)
        guard let carried else {
            return (advice.reason, nil)
        }
        if CallRequestModel.requestFields[replacement] == .phoneNumber,
            let text = carried.stringValue, AddressForm(InvisibleCharacters.cleaned(text)).isSIP
        {
            // A SIP address cannot go where a phone number goes.
            let help = replacement == "phoneNumber"
                ? "to call a SIP address, write \"participants\": [{\"address\": \(carried.rawText)}]"
                : "`callerId` is the phone number callees see, and \(carried.rawText) is a SIP address; write an E.164 number"
            return (help, nil)
        }
        let member = "\(JSONWriter.quote(replacement)): \(carried.rawText)"
        let fix = owner.member(replacement) == nil
            ? Fix(title: "replace with `\(replacement)`", edits: [Edits.replaceMember(value, with: member)], applicability: .safe) : nil
        return (advice.reason + ": write " + member, fix)
    }
}

extension CallRequestView.Owner {
    var isRequest: Bool {
        if case .request = self { return true }
        return false
    }
}
