/// JSON files that hold request bodies rather than being one, recognised by their shape: a
/// Genesys Cloud data action (its export, or its `config`), a Postman collection, a HAR
/// capture. Each call request in one is checked as a body, with positions in the file; the
/// other requests, and the file's own keys, are not checked.
enum BodyContainers {
    /// The bodies a document holds, or nil when it is not such a file (then it is a body).
    static func bodies(in document: JSONDocument, text: MappedText) -> [EmbeddedBody]? {
        let root = document.root
        guard root.kind == .object, hasContainerKey(root) else { return nil }
        let reader = Reader(text: text)
        if let found = DataAction.bodies(in: root, reader: reader) { return found }
        if let found = PostmanCollection.bodies(in: root, reader: reader) { return found }
        if let found = HARCapture.bodies(in: root, reader: reader) { return found }
        return nil
    }

    /// The keys a file of bodies has at its top, compared as written: most documents are
    /// bodies, and this costs them no decoded key.
    static let containerKeys: [[UInt8]] = ["\"config\"", "\"request\"", "\"info\"", "\"log\""].map { Array($0.utf8) }

    static func hasContainerKey(_ root: JSONValue) -> Bool {
        let bytes = root.document.source.bytes
        return root.children.contains { member in
            guard let key = member.keyRange else { return false }
            return containerKeys.contains { $0.count == key.count && bytes[key].elementsEqual($0) }
        }
    }

    /// Turns a string value of the file into a body: its text unescaped, mapped to the file.
    struct Reader {
        let text: MappedText

        func body(of value: JSONValue, note: String) -> EmbeddedBody {
            EmbeddedBody(
                text: JSONStringText.unescaped(value, in: text), note: note,
                noteRange: text.map.original(value.range), quoting: .jsonString)
        }

        /// A note on its own: the file was recognised, and nothing in it is a call request.
        func note(_ message: String, at value: JSONValue) -> EmbeddedBody {
            .note(message, at: text.map.original(value.keyRange ?? value.range))
        }
    }

    /// Whether a URL (a full one, a path, a Postman `{{baseUrl}}/…`, a data action's template)
    /// is POST /api/v2/conversations/calls or its per-user form, `/calls/user/{userId}`.
    /// Whether a URL names a Platform API path other than the calls endpoint: a request whose
    /// body is another model's, never checked as a call's.
    static func isOtherEndpoint(_ url: String) -> Bool {
        // `api/v2/…` without its slash, as some docs write it, is the same path.
        let platformPath = url.firstRange(of: "api/v2/").map { "/" + url[$0.lowerBound...] } ?? url
        guard !isCallsEndpoint(platformPath) else { return false }
        // A Platform API path (`/api/v2/…`, or `api/v2/…` as some docs write it), or a URL
        // with a path of its own on a host (`https://example.com/api/bookings`).
        if url.contains("api/v2/") { return true }
        if url.contains("conversations/calls") { return false }
        guard let scheme = url.firstRange(of: "://") else { return false }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return false }
        let path = rest[rest.index(after: slash)...].prefix { $0 != "?" && $0 != "#" }
        return path.contains { $0.isLetter } && !path.hasPrefix("$") && !path.hasPrefix("{")
    }

    static func isCallsEndpoint(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        let marker: StaticString = "/api/v2/conversations/calls"
        guard let found = bytes.withUnsafeBufferPointer({ TextSearch.firstOffset(of: marker, in: $0) }) else {
            return false
        }
        var rest = bytes[(found + marker.utf8CodeUnitCount)...]
        if let end = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            rest = rest[..<end]
        }
        if rest.isEmpty || rest.elementsEqual([UInt8(ascii: "/")]) { return true }
        let userPrefix = Array("/user/".utf8)
        guard rest.starts(with: userPrefix) else { return false }
        var user = rest.dropFirst(userPrefix.count)
        if user.last == UInt8(ascii: "/") { user = user.dropLast() }
        return !user.isEmpty && !user.contains(UInt8(ascii: "/"))
    }

    /// The member at a path of keys, when each step is an object.
    static func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var current = value
        for key in path {
            guard let next = current.member(key) else { return nil }
            current = next
        }
        return current
    }
}

extension String {
    /// Whether the string equals `other`, ignoring case (`post` is `POST`).
    func equalsIgnoringCase(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
