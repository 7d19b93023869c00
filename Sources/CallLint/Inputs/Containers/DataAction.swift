/// A Genesys Cloud data action, as exported (`{"name", "config": {"request": …}}`) or as its
/// `config` alone: when its request is POST to /api/v2/conversations/calls, its
/// `requestTemplate` is the Velocity template of the body.
enum DataAction {
    static func bodies(in root: JSONValue, reader: BodyContainers.Reader) -> [EmbeddedBody]? {
        guard
            let request = BodyContainers.member(root, "config", "request") ?? BodyContainers.member(root, "request"),
            request.kind == .object, let url = request.member("requestUrlTemplate")?.stringValue
        else { return nil }
        let method = request.member("requestType")?.stringValue ?? ""
        guard BodyContainers.isCallsEndpoint(url), method.equalsIgnoringCase("POST") else {
            return [
                reader.note("a data action that is not POST /api/v2/conversations/calls; nothing checked", at: request)
            ]
        }
        guard let template = request.member("requestTemplate"), template.kind == .string else {
            return [
                reader.note("a data action for POST /api/v2/conversations/calls without a requestTemplate", at: request)
            ]
        }
        let text = template.stringValue ?? ""
        if PlaceholderMatcher.isWholePlaceholder(text) {
            // The default template, ${input.rawRequest}: the body is whatever the caller sends.
            return [
                reader.note(
                    "a data action whose requestTemplate is \(text): the body is what its caller sends; check that",
                    at: template)
            ]
        }
        return [reader.body(of: template, note: "read a data action; checked its requestTemplate")]
    }
}
