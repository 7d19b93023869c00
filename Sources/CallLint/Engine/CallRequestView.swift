/// The parsed document seen through the request model: which members are model fields (and
/// what they hold), which are not, and where the participants are. Built once per document
/// so each rule reads the fields it cares about instead of walking the tree again.
final class CallRequestView {
    enum Owner {
        case request
        /// A participant object (an item of `participants`).
        case destination(JSONValue)
    }

    struct Member {
        let name: String
        let value: JSONValue
        let owner: Owner
        /// The model's role for the field, nil for a key the model does not have.
        let role: FieldRole?
    }

    let document: JSONDocument
    /// The request body being checked: the document's root, or one element of it.
    let root: JSONValue
    /// The request object, when the root is one.
    let request: JSONValue?
    private(set) var members: [Member] = []
    /// Values of `participants` members (normally one).
    private(set) var participantLists: [JSONValue] = []
    /// Object items of array-valued `participants`.
    private(set) var destinations: [JSONValue] = []

    init(root: JSONValue) {
        self.document = root.document
        self.root = root
        request = root.kind == .object ? root : nil
        guard let request else { return }
        members.reserveCapacity(request.childCount)
        for value in request.children {
            let name = value.key ?? ""
            let role = CallRequestModel.requestFields[name]
            members.append(Member(name: name, value: value, owner: .request, role: role))
            guard role == .destinations else { continue }
            participantLists.append(value)
            guard value.kind == .array else { continue }
            for item in value.children where item.kind == .object {
                destinations.append(item)
                for field in item.children {
                    let fieldName = field.key ?? ""
                    members.append(
                        Member(name: fieldName, value: field, owner: .destination(item), role: CallRequestModel.destinationFields[fieldName]))
                }
            }
        }
        for member in members {
            if let role = member.role {
                membersByRole[role.rawValue].append(member)
            } else {
                unknownMembers.append(member)
            }
        }
        numberAndAddressFields = fields(.phoneNumber) + fields(.address)
    }

    /// Known fields with a given role.
    func fields(_ role: FieldRole) -> [Member] { membersByRole[role.rawValue] }

    /// `phoneNumber`, `callerId` and participant `address` fields: the values that must be a
    /// phone number or an address.
    private(set) var numberAndAddressFields: [Member] = []

    private(set) var unknownMembers: [Member] = []
    private var membersByRole = [[Member]](repeating: [], count: FieldRole.allCases.count)
}
