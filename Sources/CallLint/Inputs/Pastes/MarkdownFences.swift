/// Request bodies in the code fences of a Markdown text (a forum post, an issue, a README):
/// each fence is read as its label says (JSON, HTTP, a shell's curl command, a programming
/// language), or, without one, as its content turns out to be; the text around the fences is
/// not read.
enum MarkdownFences {
    struct Fence {
        let info: String
        /// The opening line's fence marker, and the lines between the fence lines.
        let marker: Range<Int>
        let content: Range<Int>
    }

    static func bodies(in text: MappedText) -> [EmbeddedBody]? {
        let fences = fences(in: text.bytes)
        guard !fences.isEmpty else { return nil }
        var found: [EmbeddedBody] = []
        var previousEnd = 0
        for fence in fences {
            defer { previousEnd = fence.content.upperBound }
            let content = text.slice(fence.content)
            if documentsAnotherEndpoint(
                text.bytes[max(previousEnd, fence.marker.lowerBound - 400)..<fence.marker.lowerBound])
            {
                continue
            }
            let note = "read a Markdown code fence" + (fence.info.isEmpty ? "" : " (\(fence.info))")
            let inner: [EmbeddedBody]?
            switch FenceLabel(fence.info) {
            case .json: inner = json(content)
            case .http: inner = HTTPRequest.bodies(in: content) ?? unlabeled(content)
            case .shell: inner = CurlCommand.bodies(in: content)
            case .code(let language): inner = CodeReader.bodies(in: content, language: language)
            case .unlabeled: inner = unlabeled(content)
            case .other: inner = nil
            }
            // A fence of code that sends no body (an install step, a login) is not a finding.
            for body in inner ?? [] where body.hasBody {
                found.append(
                    EmbeddedBody(
                        text: body.text, note: body.note.map { note + "; " + $0 } ?? note + "; checked the body in it",
                        noteRange: body.note == nil ? text.map.original(fence.marker) : body.noteRange,
                        quoting: body.quoting, templateValues: body.templateValues, hasBody: body.hasBody,
                        spelling: body.spelling, isCode: body.isCode))
            }
        }
        guard found.isEmpty else { return found }
        let note =
            "read Markdown; none of its \(fences.count) code fence\(fences.count == 1 ? "" : "s") holds a request "
            + "body for POST /api/v2/conversations/calls"
        return [.note(note, at: text.map.original(fences[0].marker))]
    }

    /// Whether the prose just before a fence names another endpoint (`### POST /api/dial`,
    /// "Request body of /api/v2/routing/skills") and not the calls endpoint: the fence is that
    /// endpoint's.
    static func documentsAnotherEndpoint(_ prose: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: prose, as: UTF8.self)
        if text.contains("conversations/calls") { return false }
        return ["POST /", "PUT /", "PATCH /", "/api/"].contains { text.contains($0) }
    }

    /// A fence without a label (or a plain-text one), read as what its content turns out to
    /// be: JSON, a curl command, an HTTP request, code; broken JSON stays JSON. Text that does
    /// not start as JSON does, and is none of the others, is prose or output, not a body.
    static func unlabeled(_ content: MappedText) -> [EmbeddedBody]? {
        guard content.bytes.contains(UInt8(ascii: "{")) || content.bytes.contains(UInt8(ascii: "c")) else { return nil }
        if startsAsJSON(content), let body = json(content) { return body }
        return PasteReaders.bodies(in: content, formats: [.curl, .http, .auto])
    }

    /// A fence's JSON, when it is a call body: a document (a response, another endpoint's
    /// body, a list of fields) with none of a call's keys is left alone; a request line
    /// before it makes it an HTTP request.
    static func json(_ content: MappedText) -> [EmbeddedBody]? {
        guard startsAsJSON(content) else { return HTTPRequest.bodies(in: content) ?? unlabeled(content) }
        if case .success(let document) = JSONParser().parse(SourceText(name: "", bytes: content.bytes)),
            document.root.kind == .object,
            !document.root.children.contains(where: { member in
                guard let key = member.key else { return false }
                return CallRequestModel.requestFields[key] != nil || InventedKeys.request[key] != nil
            })
        {
            return nil
        }
        return [EmbeddedBody(text: content, note: nil, noteRange: 0..<0, quoting: .plain)]
    }

    private static func startsAsJSON(_ content: MappedText) -> Bool {
        guard let first = content.bytes.first(where: { !JSONByte.isWhitespace($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// What a fence's info string says its content is.
    enum FenceLabel: Equatable {
        case json, http, shell, unlabeled, other
        case code(CodeLanguage)

        init(_ info: String) {
            var label = info.lowercased()
            // Attributes: {"language": "javascript"}, {.js title="x"}: the first word naming a language.
            if label.hasPrefix("{") {
                let words = label.split { !($0.isLetter || $0.isNumber || $0 == "#") }.map(String.init)
                label = words.first { Self.kind(of: $0) != .other } ?? ""
                if label.isEmpty {
                    self = .other
                    return
                }
            }
            self = Self.kind(of: label)
        }

        private static func kind(of label: String) -> FenceLabel {
            switch label {
            case "": return .unlabeled
            case "json", "jsonc", "json5", "jsonl", "ndjson": return .json
            case "http", "rest", "request", "restclient": return .http
            case "sh", "bash", "shell", "zsh", "console", "curl", "shell-session", "shellsession", "terminal",
                "powershell", "ps", "ps1", "cmd", "bat":
                return .shell
            case "text", "txt", "plaintext", "plain", "none", "raw", "output":
                return .unlabeled
            default:
                return CodeLanguage.of(label: label).map { .code($0) } ?? .other
            }
        }
    }

    /// The fences of a text: a line of three or more backticks or tildes (indented at most three
    /// spaces), closed by a line of at least as many of the same.
    static func fences(in bytes: [UInt8]) -> [Fence] {
        var fences: [Fence] = []
        var open: (marker: UInt8, length: Int, info: String, start: Int, contentStart: Int)?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var index = lineStart
            while index < lineEnd, index - lineStart < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let marker = index < lineEnd ? bytes[index] : 0
            var length = 0
            if marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") {
                while index + length < lineEnd, bytes[index + length] == marker { length += 1 }
            }
            if let current = open {
                let rest = bytes[(index + length)..<lineEnd].allSatisfy { JSONByte.isWhitespace($0) }
                if marker == current.marker, length >= current.length, rest {
                    fences.append(
                        Fence(
                            info: current.info, marker: current.start..<current.start + current.length,
                            content: current.contentStart..<lineStart))
                    open = nil
                }
            } else if length >= 3 {
                var infoStart = index + length
                while infoStart < lineEnd, JSONByte.isWhitespace(bytes[infoStart]) { infoStart += 1 }
                let line = String(decoding: bytes[infoStart..<lineEnd], as: UTF8.self)
                // The label is the first word, unless the info is attributes ({"language": …}).
                let info = line.hasPrefix("{") ? line : line.split(separator: " ").first.map(String.init) ?? ""
                open = (marker, length, info.filter { $0 != "\r" }, index, min(bytes.count, lineEnd + 1))
            }
            lineStart = lineEnd + 1
        }
        return fences
    }
}
