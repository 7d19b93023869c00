/// The parsed document seen through the request model: which members are model fields (and
/// what they hold), which are not, and where the participants are. Built once per document
/// so each rule reads the fields it cares about instead of walking the tree again.
final class CallRequestView {
    enum Owner {
        case request
        /// A participant object (an item of `participants`) and its place in the array.
        case destination(JSONValue, index: Int)
    }

    struct Member {
        let name: String
        let value: JSONValue
        let owner: Owner
        /// The model's role for the field, nil for a key the model does not have. A key that
        /// differs from a field only in case or separators (`"Address"`, `caller_id`) takes
        /// that field's role: it is the field, misspelled, and its value is checked as such.
        let role: FieldRole?
        /// The model's name for the field: `name` itself, or the field it misspells.
        let fieldName: String

        var isMisspelled: Bool { role != nil && fieldName != name }

        /// Where the member is, as messages name it: `callerId`, `participants[0].address`.
        var path: String {
            switch owner {
            case .request: return name
            case .destination(_, let index): return "participants[\(index)].\(name)"
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
    /// Object items of array-valued `participants`.
    private(set) var destinations: [JSONValue] = []

    /// Keys that wrap a request body in code that builds one (`{"body": {...}}`).
    static let wrapperKeys: Set<String> = ["body", "data", "request", "payload", "json"]

    init(root: JSONValue) {
        self.document = root.document
        self.root = root
        wrapper = Self.wrapper(of: root)
        request = wrapper ?? (root.kind == .object ? root : nil)
        guard let request else { return }
        members.reserveCapacity(request.childCount)
        let requestMembers = Self.members(of: request, fields: CallRequestModel.requestFields, candidates: CallRequestModel.requestFieldCandidates, owner: .request)
        for member in requestMembers {
            members.append(member)
            guard member.role == .destinations else { continue }
            let value = member.value
            participantLists.append(value)
            guard value.kind == .array else { continue }
            for (index, item) in value.children.enumerated() where item.kind == .object {
                destinations.append(item)
                members += Self.members(
                    of: item, fields: CallRequestModel.destinationFields, candidates: CallRequestModel.destinationFieldCandidates,
                    owner: .destination(item, index: index))
            }
        }
        for member in members {
            if let role = member.role {
                membersByRole[role.rawValue].append(member)
            }
            if member.role == nil || member.isMisspelled {
                unknownMembers.append(member)
            }
        }
        numberAndAddressFields = fields(.phoneNumber) + fields(.address)
    }

    /// The members of one object; a misspelled key takes its field's role when the object has
    /// no member of that field and no other key misspells it.
    static func members(of object: JSONValue, fields: [String: FieldRole], candidates: KeySuggester.Candidates, owner: Owner)
        -> [Member]
    {
        var found: [Member] = []
        var misspellings: [(index: Int, field: String)] = []
        for value in object.children {
            let name = value.key ?? ""
            if let role = fields[name] {
                found.append(Member(name: name, value: value, owner: owner, role: role, fieldName: name))
                continue
            }
            if case .spelling(let field) = KeySuggester.suggest(name, among: candidates) {
                misspellings.append((found.count, field))
            }
            found.append(Member(name: name, value: value, owner: owner, role: nil, fieldName: name))
        }
        for (index, field) in misspellings
        where !found.contains(where: { $0.fieldName == field }) && misspellings.count(where: { $0.field == field }) == 1 {
            let member = found[index]
            found[index] = Member(name: member.name, value: member.value, owner: owner, role: fields[field], fieldName: field)
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

    /// Known fields with a given role.
    func fields(_ role: FieldRole) -> [Member] { membersByRole[role.rawValue] }

    /// `phoneNumber`, `callerId` and participant `address` fields: the values that must be a
    /// phone number or an address.
    private(set) var numberAndAddressFields: [Member] = []

    /// Keys the model does not have, misspelled fields among them.
    private(set) var unknownMembers: [Member] = []
    private var membersByRole = [[Member]](repeating: [], count: FieldRole.allCases.count)
}
