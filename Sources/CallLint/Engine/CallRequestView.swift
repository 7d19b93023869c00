/// The parsed document seen through the request model: which members are model fields (and
/// what they hold), which are not, and where the participants are. Built once per document
/// so each rule reads the fields it cares about instead of walking the tree again.
final class CallRequestView {
    enum Owner {
        case request
        /// A participant object (an item of `participants`) and its place in the array.
        case destination(JSONValue, index: Int)
    }

    /// A class: a body's members are listed by role, as unknown, as targets, and rules keep
    /// them, and a copy of a reference is one count where a copy of the value was five.
    final class Member {
        let name: String
        let value: JSONValue
        let owner: Owner
        /// The model's role for the field, nil for a key the model does not have. A key that
        /// stands for a field (misspelled, `"Address"`, `caller_id`, `calUserId`, or an
        /// invented key holding a string, `"to": "+1..."`) takes that field's role: its value is
        /// checked as that field's, so a fix that renames the key reveals no new error.
        let role: FieldRole?
        /// The model's name for the field: `name` itself, or the field it misspells.
        let fieldName: String
        /// For a key the model does not have: the field it is a misspelling of, if any
        /// (worked out once here, read by the rules).
        let suggestion: KeySuggester.Match?

        init(
            name: String, value: JSONValue, owner: Owner, role: FieldRole?, fieldName: String,
            suggestion: KeySuggester.Match? = nil
        ) {
            self.name = name
            self.value = value
            self.owner = owner
            self.role = role
            self.fieldName = fieldName
            self.suggestion = suggestion
        }

        var isMisspelled: Bool { role != nil && fieldName != name }

        /// The value is written the plain way no rule reports for its role (FieldValueTest),
        /// worked out once for the rules that ask (through RuleContext.isPlain).
        private(set) lazy var isPlain: Bool = role.map { FieldValueTest.isPlain(value, as: $0) } ?? false

        /// For a phone-number or address field: whether it takes addresses (`phoneNumber`, a
        /// participant's `address`) or only the bare number (`callerId`).
        var numberField: PhoneNumberDiagnosis.Field { PhoneNumberDiagnosis.Field(named: fieldName) }

        /// Where the member is, as messages name it: `callerId`, `participants[0].address`.
        var path: String {
            switch owner {
            case .request: return name
            case .destination(_, let index):
                return index < 0 ? "participants.\(name)" : "participants[\(index)].\(name)"
            }
        }
    }

    let document: JSONDocument
    /// The request body being checked: the document's root, or one element of it.
    let root: JSONValue
    /// The request object: the root, or the object a wrapper such as `{"body": {...}}` holds.
    let request: JSONValue?
    /// The wrapper's member (`"body": {...}`) when the request is wrapped.
    let wrapper: JSONValue?
    private(set) var members: [Member] = []
    /// Values of `participants` members (normally one).
    private(set) var participantLists: [JSONValue] = []
    /// Object items of array-valued `participants` (or a single participant object).
    private(set) var destinations: [JSONValue] = []

    /// Keys that wrap a request body in code that builds one (`{"body": {...}}`).
    static let wrapperKeys: Set<String> = ["body", "data", "request", "payload", "json"]

    init(root: JSONValue) {
        self.document = root.document
        self.root = root
        wrapper = Self.wrapper(of: root)
        request = wrapper ?? (root.kind == .object ? root : nil)
        guard let request else { return }
        // Gathered in locals and stored once: each access to a class's stored array is checked
        // for exclusivity at run time.
        var members: [Member] = []
        var participantLists: [JSONValue] = []
        var destinations: [JSONValue] = []
        members.reserveCapacity(request.childCount)
        let requestMembers = Self.members(
            of: request, fields: CallRequestModel.requestFields, candidates: CallRequestModel.requestFieldCandidates,
            inventions: InventedKeys.request, owner: .request)
        for member in requestMembers {
            members.append(member)
            guard member.role == .destinations else { continue }
            let value = member.value
            participantLists.append(value)
            // A single participant object where an array belongs is checked as the one item
            // it stands for: wrapping it in an array then reveals nothing new.
            let items =
                value.kind == .array ? Array(value.children.enumerated()) : value.kind == .object ? [(-1, value)] : []
            for (index, item) in items where item.kind == .object {
                destinations.append(item)
                members += Self.members(
                    of: item, fields: CallRequestModel.destinationFields,
                    candidates: CallRequestModel.destinationFieldCandidates,
                    inventions: InventedKeys.destination, owner: .destination(item, index: index))
            }
        }
        var unknownMembers: [Member] = []
        var targets: [Member] = []
        var queueRoutingMembers: [Member] = []
        var callsQueue = false
        for member in members {
            if member.role == nil || member.isMisspelled {
                unknownMembers.append(member)
            }
            guard member.role != nil, member.value.kind != .null else { continue }
            // The facts the cross-field rules need, worked out in this one pass.
            if CallRequestModel.queueTargetFields.contains(member.fieldName) { callsQueue = true }
            guard member.owner.isRequest else { continue }
            if CallRequestModel.targetFields.contains(member.fieldName),
                !targets.contains(where: { $0.fieldName == member.fieldName })
            {
                targets.append(member)
            }
            if CallRequestModel.queueRoutingFields.contains(member.fieldName) { queueRoutingMembers.append(member) }
        }
        self.members = members
        self.participantLists = participantLists
        self.destinations = destinations
        // Known fields grouped by role in one list, in document order within a role: a role's
        // fields are one stretch of it, so asking for them builds nothing.
        var byRole: [Member] = []
        byRole.reserveCapacity(members.count)
        var roleStarts: [Int] = []
        roleStarts.reserveCapacity(FieldRole.allCases.count + 1)
        for role in FieldRole.allCases {
            roleStarts.append(byRole.count)
            for member in members where member.role == role { byRole.append(member) }
        }
        roleStarts.append(byRole.count)
        self.membersByRole = byRole
        self.roleStarts = roleStarts
        self.unknownMembers = unknownMembers
        self.targets = targets
        self.queueRoutingMembers = queueRoutingMembers
        self.callsQueue = callsQueue
    }

    /// The members of one object; a key that stands for a field takes the field's role when
    /// the object has no member of that field and no other key stands for it.
    static func members(
        of object: JSONValue, fields: [String: FieldRole], candidates: KeySuggester.Candidates,
        inventions: [String: KeyAdvice],
        owner: Owner
    ) -> [Member] {
        var found: [Member] = []
        found.reserveCapacity(object.childCount)
        var misspellings: [(index: Int, field: String)] = []
        for value in object.children {
            let name = value.key ?? ""
            if let role = fields[name] {
                found.append(Member(name: name, value: value, owner: owner, role: role, fieldName: name))
                continue
            }
            var suggestion: KeySuggester.Match?
            if let advice = inventions[name] {
                if let field = advice.replacement, value.kind == .string { misspellings.append((found.count, field)) }
            } else if let match = KeySuggester.suggest(name, among: candidates) {
                suggestion = match
                misspellings.append((found.count, match.field))
            }
            found.append(
                Member(name: name, value: value, owner: owner, role: nil, fieldName: name, suggestion: suggestion))
        }
        // Most objects have no key standing for a field: no sets to build.
        guard !misspellings.isEmpty else { return found }
        // Counted once: a hostile object with thousands of `to` keys costs linear time.
        let written = Set(found.map(\.fieldName))
        var standingFor: [String: Int] = [:]
        for (_, field) in misspellings { standingFor[field, default: 0] += 1 }
        for (index, field) in misspellings where !written.contains(field) && standingFor[field] == 1 {
            let member = found[index]
            found[index] = Member(
                name: member.name, value: member.value, owner: owner, role: fields[field], fieldName: field,
                suggestion: member.suggestion)
        }
        return found
    }

    /// The object inside `{"body": {...}}`: a root whose one member is a wrapper key holding
    /// an object with a field of the request.
    static func wrapper(of root: JSONValue) -> JSONValue? {
        guard root.kind == .object, root.childCount == 1, let member = root.children.first(where: { _ in true }),
            member.kind == .object, let key = member.key, wrapperKeys.contains(key.lowercased()),
            member.children.contains(where: { CallRequestModel.requestFields[$0.key ?? ""] != nil })
        else { return nil }
        return member
    }

    /// The member of a participant that is (or stands for) a Destination field.
    func field(_ name: String, of destination: JSONValue) -> JSONValue? {
        members.first { member in
            guard case .destination(let item, _) = member.owner, item.index == destination.index else { return false }
            return member.fieldName == name
        }?.value
    }

    /// Known fields with a given role, in document order.
    func fields(_ role: FieldRole) -> ArraySlice<Member> {
        membersByRole[roleStarts[role.rawValue]..<roleStarts[role.rawValue + 1]]
    }

    /// `phoneNumber`, `callerId` and participant `address` fields: the values that must be a
    /// phone number or an address. The two roles are neighbours in the grouped list.
    var numberAndAddressFields: ArraySlice<Member> {
        membersByRole[roleStarts[FieldRole.phoneNumber.rawValue]..<roleStarts[FieldRole.address.rawValue + 1]]
    }

    /// The request's call targets (a key standing for one counts), each field once, not null.
    private(set) var targets: [Member] = []
    /// The request's fields that act only when calling a queue, not null.
    private(set) var queueRoutingMembers: [Member] = []
    /// The request calls a queue: `callQueueId`, or a participant's `queueId`.
    private(set) var callsQueue = false

    /// Keys the model does not have, misspelled fields among them.
    private(set) var unknownMembers: [Member] = []
    /// Known fields grouped by role (FieldRole's order), and where each role's stretch starts.
    private var membersByRole: [Member] = []
    private var roleStarts = CallRequestView.noFields
    /// Role starts of a body with no request object: shared, so such a view allocates none.
    private static let noFields = [Int](repeating: 0, count: FieldRole.allCases.count + 1)
}
