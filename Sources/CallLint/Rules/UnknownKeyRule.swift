/// `unknown-key`: a key that CreateCallRequest or Destination does not have: an invention
/// from a forum answer (`to`, `from`, `callType`, `providerId`) or a misspelling
/// (`callerID`, `phone_number`). The message names the field to use instead.
struct UnknownKeyRule: Rule {
    static let id = "unknown-key"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let isScreened = true

    /// A `.json`, `.ndjson` or `.jsonl` file, read as JSON and nothing else.
    static func isPlainJSONFile(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return InputMode.hasSuffix(lowered, ".json") || InputMode.hasNDJSONExtension(lowered)
    }

    /// `$name` or `$!name`: the brace-less Velocity form, the one that reads as a key's name.
    static func isBareReference(_ key: String) -> Bool {
        key.hasPrefix("$") && !key.contains("{") && !key.contains("}")
    }

    func check(_ context: RuleContext) {
        let members = context.view.unknownMembers.filter { member in
            guard context.settings.placeholders.containsPlaceholder(member.name) else { return true }
            // Placeholders belong to templates: in a plain .json file, `$phoneNumber` is a key
            // like any other (a Velocity reference there would never be rendered).
            return Self.isBareReference(member.name) && Self.isPlainJSONFile(context.source.name)
        }
        // What each key would become, so that no fix writes a field twice: two keys that
        // would both become `callerId` (`callerID`, `caller_id`) are neither of them renamed.
        let targets = members.map { Self.intendedField(of: $0) }
        // How many keys of each object would become each field. A body has a key or three
        // here, and looking at the others is cheaper than hashing; many are counted once into
        // a dictionary, so that a body with thousands of `to` keys costs linear time.
        struct Becoming: Hashable {
            let owner: Int32
            let field: String
        }
        var counted: [Becoming: Int]?
        if members.count > 8 {
            var becoming: [Becoming: Int] = [:]
            for (member, target) in zip(members, targets) {
                if let target { becoming[Becoming(owner: member.ownerIndex, field: target), default: 0] += 1 }
            }
            counted = becoming
        }
        func keysBecoming(_ field: String, in owner: Int32) -> Int {
            if let counted { return counted[Becoming(owner: owner, field: field), default: 0] }
            return zip(members, targets).reduce(0) { count, pair in
                pair.1 == field && pair.0.ownerIndex == owner ? count + 1 : count
            }
        }
        // The keys of each large object, gathered once: asking an object for a key walks its
        // members, which is cheaper than a set only while they are few.
        var keysByOwner: [Int32: Set<String>] = [:]
        func has(_ owner: JSONValue, _ key: String) -> Bool {
            if owner.childCount <= 32 { return owner.member(key) != nil }
            if let keys = keysByOwner[owner.index] { return keys.contains(key) }
            let keys = Set(owner.children.compactMap(\.key))
            keysByOwner[owner.index] = keys
            return keys.contains(key)
        }
        func isOnlyKeyBecoming(_ field: String, _ index: Int) -> Bool {
            let others = keysBecoming(field, in: members[index].ownerIndex)
            return others - (targets[index] == field ? 1 : 0) == 0
        }
        for (index, member) in members.enumerated() {
            guard let keyRange = member.value.keyRange else { continue }
            let (modelName, fieldList, inventions, otherFields):
                (String, String, [String: KeyAdvice], [String: FieldRole])
            let owner: JSONValue
            switch member.owner {
            case .request:
                (modelName, fieldList, inventions, otherFields) = (
                    "the request (CreateCallRequest)", CallRequestModel.requestFieldList, InventedKeys.request,
                    CallRequestModel.destinationFields
                )
                owner = context.view.request!
            case .destination(let item, _):
                (modelName, fieldList, inventions, otherFields) = (
                    "a participant (Destination)", CallRequestModel.destinationFieldList, InventedKeys.destination,
                    CallRequestModel.requestFields
                )
                owner = item
            }
            let value = member.value
            // A misspelled field's value is checked as that field's: only the key is this rule's.
            let scope = member.isMisspelled ? keyRange : value.memberRange
            // Asked first: what to write instead costs more than anything else here.
            guard !context.isExplained(scope) else { continue }
            let meant = inventions[member.name]?.replacement ?? member.suggestion?.field
            // What is lost only when the object does not have the field written right as well.
            let lost =
                meant.flatMap { has(owner, $0) ? nil : CallRequestModel.whatIsLost[$0] }.map { ", so " + $0 } ?? ""
            let message =
                "unknown key \(JSONString.quoted(member.name)): \(modelName) has no such field (the API answers 400 "
                + "invalid.property, or drops the key\(lost))"
            let report = { (help: String, fix: Fix?) in
                context.report(message, at: keyRange, node: value, scope: scope, help: help, fix: fix)
            }
            if let advice = inventions[member.name] {
                var advised = Self.help(
                    for: advice, value: value, context: context, ownerHas: { has(owner, $0) })
                if let replacement = advice.replacement,
                    !isOnlyKeyBecoming(replacement, index) || Self.wouldAddSecondTarget(replacement, member, context)
                {
                    advised.fix = nil
                }
                report(advised.help, advised.fix)
                continue
            }
            let suggestion = member.suggestion
            let renamable =
                suggestion.map { suggested in
                    !has(owner, suggested.field) && isOnlyKeyBecoming(suggested.field, index)
                        && !Self.wouldAddSecondTarget(suggested.field, member, context)
                } ?? false
            // A key that differs from its field only in case or separators is renamed safely; a
            // typo might be meant as another field, so its rename is a suggestion.
            func rename(to field: String, _ applicability: Fix.Applicability) -> Fix? {
                guard renamable else { return nil }
                return Edits.renameKey(of: value, to: field).map {
                    Fix(title: "rename to `\(field)`", edits: [$0], applicability: applicability)
                }
            }
            switch suggestion {
            case .spelling(let field):
                report(
                    "field names are case-sensitive camelCase: write \(JSONString.quoted(field))",
                    rename(to: field, .safe))
            case .typo(let field):
                report("did you mean \(JSONString.quoted(field))?", rename(to: field, .suggestion))
            case nil:
                if otherFields[member.name] != nil {
                    let place =
                        member.owner.isRequest
                        ? "inside a participant (an item of `participants`)"
                        : "on the request itself, not inside a participant"
                    report("\(JSONString.quoted(member.name)) belongs \(place)", nil)
                } else {
                    report("the fields are " + fieldList, nil)
                }
            }
        }
    }

    /// The field a key stands for: its invented key's replacement, or the field it misspells.
    static func intendedField(of member: CallRequestView.Member) -> String? {
        let inventions = member.owner.isRequest ? InventedKeys.request : InventedKeys.destination
        if let advice = inventions[member.name] { return advice.replacement }
        return member.suggestion?.field
    }

    /// Writing `field` on the request would give it a second call target.
    static func wouldAddSecondTarget(_ field: String, _ member: CallRequestView.Member, _ context: RuleContext) -> Bool
    {
        guard member.owner.isRequest, CallRequestModel.targetFields.contains(field) else { return false }
        return context.view.targets.contains { $0.value.index != member.value.index }
    }

    /// What to write for an invented key; when the replacement field is known and the value
    /// holds exactly one address, the fix writes the replacement member.
    static func help(
        for advice: KeyAdvice, value: JSONValue, context: RuleContext, ownerHas: (String) -> Bool
    )
        -> (help: String, fix: Fix?)
    {
        guard let replacement = advice.replacement else {
            return (
                advice.reason + "; remove it",
                Fix(
                    title: "remove \(JSONString.quoted(value.key ?? ""))", edits: [Edits.remove(value)],
                    applicability: .suggestion)
            )
        }
        let carried = value.kind == .string ? value : EmbeddedAddress.find(in: value)
        guard let carried else {
            return (advice.reason, nil)
        }
        if replacement == "callerId", context.facts(of: carried)?.form.isSIP == true {
            // A SIP address cannot be a caller id.
            let help =
                "`callerId` is the phone number callees see, and \(carried.rawText) is a SIP address; write an E.164 "
                + "number"
            return (help, nil)
        }
        let role =
            CallRequestModel.requestFields[replacement] ?? CallRequestModel.destinationFields[replacement] ?? .text
        let moved = context.movedValue(carried, to: role, named: replacement)
        if moved == nil, role == .phoneNumber || role == .address {
            // The value would fail there too: the help never writes it as the answer.
            let help =
                advice.reason + ": move it to `\(replacement)` once it is right; \(carried.rawText) is not a "
                + "number or address the field takes as written (its own finding says why)"
            return (help, nil)
        }
        let member = "\(JSONString.quoted(replacement)): \(moved?.text ?? carried.rawText)"
        let fix =
            !ownerHas(replacement)
            ? moved.map {
                Fix(
                    title: "replace with `\(replacement)`", edits: [Edits.replaceMember(value, with: member)],
                    applicability: $0.applicability)
            } : nil
        return (advice.reason + ": write " + member, fix)
    }
}

extension CallRequestView.Member {
    /// The object the member is in, as a node index.
    var ownerIndex: Int32 {
        switch owner {
        case .request: return value.parent?.index ?? -1
        case .destination(let item, _): return item.index
        }
    }
}

extension CallRequestView.Owner {
    var isRequest: Bool {
        if case .request = self { return true }
        return false
    }
}
