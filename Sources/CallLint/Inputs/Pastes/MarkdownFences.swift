/// Request bodies in the code fences of a Markdown text (a forum post, an issue, a README):
/// each fence whose content is a body, a curl command, an HTTP request, or a Python or
/// JavaScript literal is read as such; the text around the fences is not.
enum MarkdownFences {
    struct Fence {
        let info: String
        /// The opening line's fence marker, and the lines between the fence lines.
        let marker: Range<Int>
        let content: Range<Int>
    }

    static func bodies(in text: MappedText) -> [EmbeddedBody]? {
        var found: [EmbeddedBody] = []
        for fence in fences(in: text.bytes) {
            let content = text.slice(fence.content)
            guard content.bytes.contains(UInt8(ascii: "{")) || content.bytes.contains(UInt8(ascii: "c")) else {
                continue
            }
            let note = "read a Markdown code fence" + (fence.info.isEmpty ? "" : " (\(fence.info))")
            if let inner = PasteReaders.bodies(in: content, formats: PasteReaders.insideFences) {
                found += inner.map { body in
                    EmbeddedBody(
                        text: body.text, note: body.note.map { note + "; " + $0 } ?? note + "; checked the body in it",
                        noteRange: body.noteRange, quoting: body.quoting, templateValues: body.templateValues,
                        hasBody: body.hasBody)
                }
            } else if content.bytes.contains(UInt8(ascii: "{")) {
                found.append(
                    EmbeddedBody(
                        text: content, note: note + "; checked the body in it",
                        noteRange: text.map.original(fence.marker),
                        quoting: .plain))
            }
        }
        return found.isEmpty ? nil : found
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
                let info =
                    String(decoding: bytes[(index + length)..<lineEnd], as: UTF8.self)
                    .split(separator: " ").first.map(String.init) ?? ""
                open = (marker, length, info.filter { !$0.isWhitespace }, index, min(bytes.count, lineEnd + 1))
            }
            lineStart = lineEnd + 1
        }
        return fences
    }
}
