/// The one test, per field role, of a value written the plain way no rule reports: an E.164
/// number with an assigned range, a lowercase `sip:` or `tel:` address, a UUID, a string, a whole
/// number. Over the parsed nodes and raw bytes, so it costs no string. The clean-body screen
/// passes a body only when its values pass this test, and the rules that check what a value
/// holds skip a value that passes it: both read the same test, so they cannot drift apart.
/// It answers "plain" or "look closer", never "wrong": a value that fails goes to the rules.
struct FieldValueTest {
    let nodes: UnsafeBufferPointer<JSONNodeStorage>
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether the value of a field of `role` is plain; false for the roles with no such test.
    static func isPlain(_ value: JSONValue, as role: FieldRole) -> Bool {
        let document = value.document
        return document.nodes.withUnsafeBufferPointer { nodes in
            document.source.bytes.withUnsafeBufferPointer { bytes in
                FieldValueTest(nodes: nodes, bytes: bytes).isPlain(Int(value.index), as: role)
            }
        }
    }

    /// The scalar roles and the lists of them; the objects of `participants` and `attributes`
    /// are walked by the screen, member by member.
    func isPlain(_ index: Int, as role: FieldRole) -> Bool {
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
            guard node.kind == .array else { return false }
            var child = node.childCount > 0 ? index + 1 : -1
            while child >= 0 {
                guard isPlain(child, as: .identifier) else { return false }
                child = Int(nodes[child].nextSibling)
            }
            return true
        case .text:
            return node.kind == .string
        case .integer:
            guard node.kind == .number else { return false }
            return !bytes[Int(node.start)..<Int(node.end)].contains {
                $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
            }
        case .stringMap, .destinations, .destination, .phoneNumberList, .textList, .enumeration, .dateTime,
            .boolean, .number, .model, .modelList, .object, .any:
            return false
        }
    }

    /// The content of a string value without escapes; nil for anything else.
    func plainString(_ index: Int) -> Range<Int>? {
        let node = nodes[index]
        guard node.kind == .string, !node.hasEscapes else { return nil }
        return Int(node.start) + 1..<Int(node.end) - 1
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
