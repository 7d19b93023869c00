/// A Postman collection (v2.0 or v2.1): every POST request to /api/v2/conversations/calls
/// with a raw body, in folders at any depth. Postman `{{variables}}` are placeholders.
enum PostmanCollection {
    static func bodies(in root: JSONValue, reader: BodyContainers.Reader) -> [EmbeddedBody]? {
        guard let info = root.member("info"), info.kind == .object, let items = root.member("item"),
            items.kind == .array
        else { return nil }
        let schema = info.member("schema")?.stringValue ?? ""
        guard schema.contains("getpostman.com") || info.member("_postman_id") != nil else { return nil }
        var found: [EmbeddedBody] = []
        // Folders hold items; walked with a list, not recursion, so deep nesting costs no stack.
        var pending = Array(items.children)
        var index = 0
        while index < pending.count {
            let item = pending[index]
            index += 1
            if let nested = item.member("item"), nested.kind == .array { pending += nested.children }
            guard let request = item.member("request"), request.kind == .object,
                (request.member("method")?.stringValue ?? "").equalsIgnoringCase("POST"),
                let url = request.member("url"), isCallsURL(url),
                let raw = BodyContainers.member(request, "body", "raw"), raw.kind == .string
            else { continue }
            let name = item.member("name")?.stringValue.map { " " + JSONString.quoted($0) } ?? ""
            found.append(reader.body(of: raw, note: "read a Postman collection; checked the body of request\(name)"))
        }
        if found.isEmpty {
            return [
                reader.note(
                    "a Postman collection with no POST to /api/v2/conversations/calls; nothing checked", at: info)
            ]
        }
        return found
    }

    /// A request URL: a string, or an object with `raw` or `path`.
    static func isCallsURL(_ url: JSONValue) -> Bool {
        if let text = url.stringValue { return BodyContainers.isCallsEndpoint(text) }
        if let raw = url.member("raw")?.stringValue { return BodyContainers.isCallsEndpoint(raw) }
        if let path = url.member("path"), path.kind == .array {
            let joined = "/" + path.children.map { $0.stringValue ?? "" }.joined(separator: "/")
            return BodyContainers.isCallsEndpoint(joined)
        }
        return false
    }
}
