/// `duplicate-key`: the same key twice in one object. Which value the API keeps is not
/// defined, so the request may not say what its author reads.
struct DuplicateKeyRule: Rule {
    static let id = "duplicate-key"

    func check(_ context: RuleContext) {
        let objects = ([context.root] + context.root.descendants).filter { $0.kind == .object }
        for object in objects {
            var firstByKey: [String: JSONValue] = [:]
            for member in object.children {
                guard let key = member.key, let keyRange = member.keyRange else { continue }
                guard let first = firstByKey[key] else {
                    firstByKey[key] = member
                    continue
                }
                let firstLine = context.source.location(of: first.range.lowerBound).line
                context.report(
                    "duplicate key \(JSONWriter.quote(key)); it is first set on line \(firstLine)",
                    at: keyRange, node: member, scope: member.memberRange, exclusive: false,
                    help: "keep one of them: which value the API would use is not defined",
                    related: [Diagnostic.Related(range: first.keyRange ?? first.range, message: "first \(JSONWriter.quote(key)) is here")])
            }
        }
    }
}
