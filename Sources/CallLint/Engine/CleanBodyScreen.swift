/// A quick test, over the parsed nodes and the raw bytes, that a request body draws no
/// finding from any rule: every key is a field of the model and appears once, and every value
/// has the plain shape that no rule reports (an E.164 string, a UUID, a lowercase `sip:` or
/// `tel:` address, a whole number). Most bodies a CI run checks are clean; for them the
/// linter skips building the model view and running the rules, which costs several times
/// more than this walk.
///
/// The screen only ever answers "clean" or "look closer": anything unusual (an escape, a
/// placeholder, a null, an unknown key, a number with separators) goes to the rules, which
/// decide. Tests hold it to that: on every fixture, rule example and thousands of mutated
/// bodies, whenever it says clean the rules find nothing. `coveredRules` names the rules it
/// was written against, so a new rule fails a test until the screen has been reviewed for it.
enum CleanBodyScreen {
    /// The rules whose findings this screen rules out, in registry order: every rule that
    /// needs no setting. (A rule that needs one, like `caller-id-not-allowed`, turns the screen
    /// off once its setting is given.) A test holds this list to the registry.
    static let coveredRules: [any Rule.Type] = [
        InvalidJSONRule.self, TypographicSyntaxRule.self, EmbeddedBodyRule.self, WrappedBodyRule.self,
        DuplicateKeyRule.self, ParticipantsShapeRule.self,
        AddressTypeMismatchRule.self, AddressTypeCaseRule.self, UnknownKeyRule.self, NestedPhoneNumberRule.self,
        EmptyValueRule.self, WrongTypeRule.self, WhitespaceInAddressRule.self, SIPURIFormatRule.self,
        E164ShortNumberRule.self, E164CountryCodeRule.self, E164TrunkPrefixRule.self, E164LengthRule.self,
        E164ExtensionRule.self,
        E164MissingPlusRule.self, E164FormatRule.self, E164UnassignedRule.self, IdFormatRule.self,
        MissingTargetRule.self, MultipleTargetsRule.self, QueueFieldWithoutQueueRule.self,
    ]

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
            case .phoneNumber:
                guard let text = plainString(index) else { return false }
                return isE164(text)
            case .address:
                guard let text = plainString(index) else { return false }
                return isAddress(text)
            case .identifier:
                guard let text = plainString(index) else { return false }
                return IdentifierSyntax.isUUID(bytes[text])
            case .identifierList:
                return node.kind == .array
                    && elements(of: index) { item in
                        guard let text = plainString(item) else { return false }
                        return IdentifierSyntax.isUUID(bytes[text])
                    }
            case .text:
                return node.kind == .string
            case .integer:
                guard node.kind == .number else { return false }
                return !bytes[Int(node.start)..<Int(node.end)].contains {
                    $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
                }
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
            case .destination, .phoneNumberList, .textList, .enumeration, .dateTime, .boolean, .number, .model,
                .modelList, .object, .any:
                return false  // roles the rules have no test for in this model: the rules look
            }
        }

        /// The content of a string value without escapes; nil for anything else.
        func plainString(_ index: Int) -> Range<Int>? {
            let node = nodes[index]
            guard node.kind == .string, !node.hasEscapes else { return nil }
            return Int(node.start) + 1..<Int(node.end) - 1
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

        /// The phone-number rules' own test of a plain valid number.
        func isE164(_ text: Range<Int>) -> Bool {
            PhoneNumberDiagnosis.isPlainValidNumber(bytes[text])
        }

        func hasPrefix(_ text: Range<Int>, _ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard text.count > count else { return false }
            let start = prefix.utf8Start
            for step in 0..<count where bytes[text.lowerBound + step] != start[step] { return false }
            return true
        }

        /// A participant address: an E.164 number, `tel:` and one, or `sip:`/`sips:` and the
        /// plain user@host that sip-uri-format passes at once.
        func isAddress(_ text: Range<Int>) -> Bool {
            if isE164(text) { return true }
            if hasPrefix(text, "tel:") { return isE164(text.lowerBound + 4..<text.upperBound) }
            if hasPrefix(text, "sip:") {
                return SIPAddressAnalysis.isPlainUserAtHost(bytes[text.lowerBound + 4..<text.upperBound])
            }
            if hasPrefix(text, "sips:") {
                return SIPAddressAnalysis.isPlainUserAtHost(bytes[text.lowerBound + 5..<text.upperBound])
            }
            return false
        }
    }
}
