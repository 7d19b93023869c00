/// A HAR capture (a browser's or a proxy's saved traffic): every entry POSTing to
/// /api/v2/conversations/calls, its `postData.text` the body as sent.
enum HARCapture {
    static func bodies(in root: JSONValue, reader: BodyContainers.Reader) -> [EmbeddedBody]? {
        guard let log = root.member("log"), log.kind == .object, let entries = log.member("entries"),
            entries.kind == .array
        else { return nil }
        var found: [EmbeddedBody] = []
        for (index, entry) in entries.children.enumerated() {
            guard let request = entry.member("request"), request.kind == .object,
                (request.member("method")?.stringValue ?? "").equalsIgnoringCase("POST"),
                let url = request.member("url")?.stringValue, BodyContainers.isCallsEndpoint(url),
                let text = BodyContainers.member(request, "postData", "text"), text.kind == .string
            else { continue }
            found.append(reader.body(of: text, note: "read a HAR capture; checked the body of entry \(index)"))
        }
        if found.isEmpty {
            return [reader.note("a HAR capture with no POST to /api/v2/conversations/calls; nothing checked", at: log)]
        }
        return found
    }
}
