/// A raw HTTP/1.x request, as browser developer tools, proxies and REST clients (`.http`
/// files) copy it: a request line, headers, a blank line, the body.
enum HTTPRequest {
    static let methods = ["POST", "PUT", "PATCH", "GET", "DELETE", "HEAD", "OPTIONS"]

    static func bodies(in text: MappedText) -> [EmbeddedBody]? {
        let bytes = text.bytes
        var start = 0
        while start < bytes.count, JSONByte.isWhitespace(bytes[start]) { start += 1 }
        let firstLineEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let requestLine = String(decoding: bytes[start..<firstLineEnd], as: UTF8.self)
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 || parts.count == 3, let method = parts.first.map(String.init),
            methods.contains(method), parts.count == 2 || parts[2].hasPrefix("HTTP/")
        else { return nil }
        let target = String(parts[1])
        // Headers run to the first empty line.
        var lineStart = firstLineEnd + 1
        var bodyStart = bytes.count
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var content = bytes[lineStart..<lineEnd]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            if content.isEmpty {
                bodyStart = min(bytes.count, lineEnd + 1)
                break
            }
            // A line that is not a header: the body follows the request with no blank line.
            guard content.contains(UInt8(ascii: ":")) else {
                bodyStart = lineStart
                break
            }
            lineStart = lineEnd + 1
        }
        let noteRange = text.map.original(start..<firstLineEnd)
        if BodyContainers.isOtherEndpoint(target) {
            return [
                .note(
                    "read an HTTP request (\(method) \(target)) to another endpoint: its body is not a call's, and is "
                        + "not checked", at: noteRange)
            ]
        }
        let endpoint = "\(method) \(BodyContainers.isCallsEndpoint(target) ? "/api/v2/conversations/calls" : target)"
        guard bytes[bodyStart...].contains(where: { !JSONByte.isWhitespace($0) }) else {
            return [.emptyBody(note: "read an HTTP request (\(endpoint)) with no body", at: noteRange)]
        }
        return [
            EmbeddedBody(
                text: text.suffix(from: bodyStart), note: "read an HTTP request (\(endpoint)); checked its body",
                noteRange: noteRange, quoting: .plain)
        ]
    }
}
