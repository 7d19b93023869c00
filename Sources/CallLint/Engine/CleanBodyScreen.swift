/// A quick test, over the parsed nodes and the raw bytes, that a request body draws no
/// finding from any rule: every key is a field of the model and appears once, and every value
/// has the plain shape that no rule reports (an E.164 string, a UUID, a lowercase `sip:` or
/// `tel:` address, a whole number). Most bodies a CI run checks are clean; for them the
/// linter skips building the model view and running the rules, which costs several times
/// more than this walk.
///
/// The screen only ever answers "clean" or "look closer": anything unusual (an escape, a
/// placeholder, a null, an unknown key, a number with separators) goes to the rules, which
/// decide. Values are tested by FieldValueTest, the test the rules themselves skip plain values
/// by. Tests hold it to that: on every fixture, rule example and thousands of mutated bodies,
/// whenever it says clean the rules find nothing. It is used only while every rule that runs
/// declares `isScreened` (reviewed against this screen), so a new rule turns it off until then.
enum CleanBodyScreen {
    struct Field {
        let name: [UInt8]
        let role: FieldRole
        /// Names whom to call (`missing-target`, `multiple-targets`).
        let isTarget: Bool
        /// Acts only when calling a queue (`queue-field-without-queue`).
        let isQueueRouting: Bool
        /// Calls a queue: `callQueueId`, a participant's `queueId`.
        let callsQueue: Bool

        init(_ name: String, _ role: FieldRole) {
            self.name = Array(name.utf8)
            self.role = role
            isTarget = CallRequestModel.targetFields.contains(name)
            isQueueRouting = CallRequestModel.queueRoutingFields.contains(name)
            callsQueue = CallRequestModel.queueTargetFields.contains(name)
        }
    }

    /// Both tables come from the model, so the screen and the rules agree on the field names.
    static let requestFields: [Field] = CallRequestModel.requestFields.map(Field.init)
    static let destinationFields: [Field] = CallRequestModel.destinationFields.map(Field.init)

    static func isClean(_ root: JSONValue) -> Bool {
        let document = root.document
        return document.nodes.withUnsafeBufferPointer { nodes in
            document.source.bytes.withUnsafeBufferPointer { bytes in
                Walk(nodes: nodes, bytes: bytes).request(Int(root.index))
            }
        }
    }

    struct Walk {
        let nodes: UnsafeBufferPointer<JSONNodeStorage>
        let bytes: UnsafeBufferPointer<UInt8>
        var values: FieldValueTest { FieldValueTest(nodes: nodes, bytes: bytes) }

        /// Objects with more members than this go to the rules; the duplicate test here is
        /// pairwise.
        static let maximumMembers = 32

        func request(_ index: Int) -> Bool {
            var targets = 0
            var routesToQueue = false
            var callsQueue = false
            let clean = fields(of: index, from: CleanBodyScreen.requestFields) { field, value in
                if field.isTarget { targets += 1 }
                routesToQueue = routesToQueue || field.isQueueRouting
                callsQueue = callsQueue || field.callsQueue
                return self.value(value, role: field.role, callsQueue: &callsQueue)
            }
            return clean && targets == 1 && (!routesToQueue || callsQueue)
        }

        /// Visits the members of an object whose keys have no escapes and appear once.
        func members(of index: Int, _ visit: (_ key: Range<Int>, _ member: Int) -> Bool) -> Bool {
            let object = nodes[index]
            guard object.kind == .object, object.childCount <= Self.maximumMembers else { return false }
            return elements(of: index) { member in
                guard let key = plainKey(member), !hasEarlierKey(key, before: member, firstChild: index + 1) else {
                    return false
                }
                return visit(key, member)
            }
        }

        /// Visits the members of an object whose keys are all known fields, each once.
        func fields(of index: Int, from fields: [Field], _ visit: (Field, Int) -> Bool) -> Bool {
            members(of: index) { key, member in
                guard let field = fields.first(where: { bytes[key].elementsEqual($0.name) }) else { return false }
                return visit(field, member)
            }
        }

        /// Visits the children of an array or object in order, while `visit` says yes.
        func elements(of index: Int, _ visit: (Int) -> Bool) -> Bool {
            var child = nodes[index].childCount > 0 ? index + 1 : -1
            while child >= 0 {
                guard visit(child) else { return false }
                child = Int(nodes[child].nextSibling)
            }
            return true
        }

        /// - Parameter callsQueue: set when a participant has a `queueId`.
        func value(_ index: Int, role: FieldRole, callsQueue: inout Bool) -> Bool {
            let node = nodes[index]
            switch role {
            case .stringMap:
                // `attributes`: any keys, each once, string values.
                return members(of: index) { _, member in nodes[member].kind == .string }
            case .destinations:
                guard node.kind == .array, node.childCount > 0 else { return false }
                var queue = false
                let clean = elements(of: index) { item in
                    var hasAddress = false
                    let clean = fields(of: item, from: CleanBodyScreen.destinationFields) { field, value in
                        hasAddress = hasAddress || field.role == .address
                        queue = queue || field.callsQueue
                        return self.value(value, role: field.role, callsQueue: &queue)
                    }
                    return clean && hasAddress
                }
                callsQueue = callsQueue || queue
                return clean
            default:
                return values.isPlain(index, as: role)
            }
        }

        /// The text of a member's key when it has no escapes (then the bytes are the key).
        func plainKey(_ index: Int) -> Range<Int>? {
            let node = nodes[index]
            guard node.keyStart >= 0, !node.keyHasEscapes else { return nil }
            let start = Int(node.keyStart) + 1
            var end = start
            while bytes[end] != UInt8(ascii: "\"") { end += 1 }
            return start..<end
        }

        func hasEarlierKey(_ key: Range<Int>, before member: Int, firstChild: Int) -> Bool {
            var sibling = firstChild
            while sibling != member {
                if let other = plainKey(sibling), bytes[other].elementsEqual(bytes[key]) { return true }
                sibling = Int(nodes[sibling].nextSibling)
            }
            return false
        }
    }
}
