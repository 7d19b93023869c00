import CallLint

/// The base protocol's framing on a byte stream: a header block (`Content-Length: N`, other
/// headers ignored) ended by an empty line, then N bytes of JSON. A frame that breaks the rules
/// is reported and skipped; the reader finds the next header and goes on, so a bad frame never
/// ends the session.
struct MessageFrameReader {
    enum Frame: Equatable {
        case message([UInt8])
        /// A frame that could not be read, and why; the stream goes on after it.
        case malformed(String)
        /// The stream ended (or reading it failed).
        case end
    }

    /// A frame's content is at most this long: a document of the linter's largest input size,
    /// escaped in a JSON string, fits. Longer content is read past and dropped.
    static let maximumContentLength = 2 * InputLimits.maximumBytes + (1 << 20)
    /// A header block longer than this is not a header block.
    static let maximumHeaderLength = 8 << 10
    static let readSize = 64 << 10

    let read: (Int) -> Result<[UInt8], IOFailure>
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    init(read: @escaping (Int) -> Result<[UInt8], IOFailure>) {
        self.read = read
    }

    /// The next frame, reading as much as it needs.
    mutating func next() -> Frame {
        while true {
            if let frame = bufferedFrame() { return frame }
            if ended { return .end }
            fill()
        }
    }

    /// The next frame if the bytes read so far hold all of it: the messages that arrived
    /// together, taken without waiting for more.
    mutating func bufferedFrame() -> Frame? {
        guard let headerEnd = Self.find("\r\n\r\n", in: buffer, from: position) else {
            if buffer.count - position > Self.maximumHeaderLength {
                return skipGarbage("a header block longer than \(Self.maximumHeaderLength) bytes")
            }
            if ended, position < buffer.count, !buffer[position...].allSatisfy(Self.isSpace) {
                position = buffer.count
                return .malformed("the stream ended inside a header block")
            }
            return nil
        }
        let header = String(decoding: buffer[position..<headerEnd], as: UTF8.self)
        let contentStart = headerEnd + 4
        guard let length = Self.contentLength(header) else {
            position = contentStart
            compact()
            return .malformed("a header block with no valid Content-Length: \(header.prefix(200).debugDescription)")
        }
        guard length <= Self.maximumContentLength else {
            position = contentStart
            discard(length)
            return .malformed("a message of \(length) bytes, more than the \(Self.maximumContentLength) taken")
        }
        guard buffer.count - contentStart >= length else {
            if ended {
                position = buffer.count
                return .malformed("the stream ended \(length - (buffer.count - contentStart)) bytes into a message")
            }
            return nil
        }
        let content = Array(buffer[contentStart..<contentStart + length])
        position = contentStart + length
        compact()
        return .message(content)
    }

    private mutating func fill() {
        switch read(Self.readSize) {
        case .success(let bytes) where !bytes.isEmpty: buffer += bytes
        default: ended = true
        }
    }

    private mutating func compact() {
        if position > Self.readSize, position * 2 > buffer.count {
            buffer.removeSubrange(0..<position)
            position = 0
        }
    }

    /// Reads past `count` bytes of content without keeping them.
    private mutating func discard(_ count: Int) {
        var left = count
        let buffered = min(left, buffer.count - position)
        position += buffered
        left -= buffered
        compact()
        while left > 0, !ended {
            switch read(min(left, Self.readSize * 16)) {
            case .success(let bytes) where !bytes.isEmpty:
                if bytes.count > left {
                    buffer += bytes[left...]
                    left = 0
                } else {
                    left -= bytes.count
                }
            default: ended = true
            }
        }
    }

    /// Drops bytes up to the next `Content-Length` header (or all of them).
    private mutating func skipGarbage(_ why: String) -> Frame {
        let next = Self.find("Content-Length", in: buffer, from: position + 1) ?? buffer.count
        position = next
        compact()
        return .malformed(why)
    }

    static func contentLength(_ header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingSpaces.lowercased()
            guard name == "content-length" else { continue }
            let digits = line[line.index(after: colon)...].trimmingSpaces
            guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(digits)
            else { return nil }
            length = value
        }
        return length
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// Where `needle` first starts in `bytes` at or after `start`.
    static func find(_ needle: StaticString, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            TextSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: buffer[start...])).map { $0 + start }
        }
    }
}

/// Frames a message for the stream.
enum MessageFrameWriter {
    static func frame(_ message: JSONTree) -> [UInt8] {
        let body = Array(message.serialized.utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
