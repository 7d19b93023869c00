/// `duplicate-key`: the same key twice in one object. The API keeps one of the values
/// silently, so with different values the request may not say what its author reads (an
/// error); with the same value twice it is only noise (a warning).
struct DuplicateKeyRule: Rule {
    static let id = "duplicate-key"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let isScreened = true

    func check(_ context: RuleContext) {
        for object in context.root.objectsInSubtree(withMoreMembersThan: 1) {
            for (member, first) in duplicates(in: Array(object.children)) {
                guard let key = member.key, let keyRange = member.keyRange else { continue }
                let firstLine = context.source.location(of: first.range.lowerBound).line
                let same = Self.sameValue(member, first)
                context.report(
                    "duplicate key \(JSONString.quoted(key)); it is first set on line \(firstLine)"
                        + (same ? ", to the same value" : ", to a different value"),
                    at: keyRange, node: member, scope: member.memberRange, exclusive: false,
                    severity: same ? .warning : nil,
                    help: same
                        ? "remove one of them"
                        : "keep the one you mean: the API keeps one of them without saying which",
                    related: [
                        Diagnostic.Related(
                            range: first.keyRange ?? first.range, message: "first \(JSONString.quoted(key)) is here")
                    ])
            }
        }
    }

    /// Each later member whose key an earlier one already has, with that first member.
    /// Small objects, the usual case, are compared in place without decoding a key; large
    /// ones go through a dictionary so that hostile input stays linear.
    func duplicates(in members: [JSONValue]) -> [(JSONValue, JSONValue)] {
        var found: [(JSONValue, JSONValue)] = []
        if members.count <= 16 {
            for later in 1..<members.count {
                if let first = members[..<later].first(where: { sameKey($0, members[later]) }) {
                    found.append((members[later], first))
                }
            }
            return found
        }
        var firstByKey: [String: JSONValue] = [:]
        for member in members {
            guard let key = member.key else { continue }
            if let first = firstByKey[key] {
                found.append((member, first))
            } else {
                firstByKey[key] = member
            }
        }
        return found
    }

    /// Whether two values are the same JSON: strings by their decoded text, anything else by
    /// its text without the white space between tokens.
    static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard a.kind == b.kind else { return false }
        if a.kind == .string { return a.stringValue == b.stringValue }
        let bytes = a.document.source.bytes
        return tokens(bytes[a.range]).elementsEqual(tokens(bytes[b.range]))
    }

    /// The bytes of JSON text without white space outside strings.
    static func tokens(_ text: ArraySlice<UInt8>) -> some Sequence<UInt8> {
        var inString = false
        var escaped = false
        return text.lazy.filter { byte in
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                return true
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            return byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09
        }
    }

    func sameKey(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard let left = a.keyRange, let right = b.keyRange else { return false }
        if !a.storage.keyHasEscapes && !b.storage.keyHasEscapes {
            let bytes = a.document.source.bytes
            return left.count == right.count && bytes[left].elementsEqual(bytes[right])
        }
        return a.key == b.key
    }
}
