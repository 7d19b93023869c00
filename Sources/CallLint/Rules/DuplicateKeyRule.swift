/// `duplicate-key`: the same key twice in one object. Which value the API keeps is not
/// defined, so the request may not say what its author reads.
struct DuplicateKeyRule: Rule {
    static let id = "duplicate-key"

    func check(_ context: RuleContext) {
        for object in [context.root] + context.root.descendants where object.kind == .object && object.childCount > 1 {
            for (member, first) in duplicates(in: Array(object.children)) {
                guard let key = member.key, let keyRange = member.keyRange else { continue }
                let firstLine = context.source.location(of: first.range.lowerBound).line
                context.report(
                    "duplicate key \(JSONWriter.quote(key)); it is first set on line \(firstLine)",
                    at: keyRange, node: member, scope: member.memberRange, exclusive: false,
                    help: "keep one of them: which value the API would use is not defined",
                    related: [Diagnostic.Related(range: first.keyRange ?? first.range, message: "first \(JSONWriter.quote(key)) is here")])
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

    func sameKey(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard let left = a.keyRange, let right = b.keyRange else { return false }
        if !a.storage.keyHasEscapes && !b.storage.keyHasEscapes {
            let bytes = a.document.source.bytes
            return left.count == right.count && bytes[left].elementsEqual(bytes[right])
        }
        return a.key == b.key
    }
}
