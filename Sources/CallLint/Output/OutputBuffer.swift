/// The bytes of output as a formatter writes them: appended in place, text as UTF-8, numbers
/// as decimal digits, JSON strings quoted, with no String built for each piece. The command
/// hands the bytes to the console as they are.
public struct OutputBuffer {
    public var bytes: [UInt8] = []
    /// Takes the bytes written so far, when a formatter says a piece is complete and the
    /// buffer has grown past `flushSize`: a block with a hundred thousand findings is written
    /// out in pieces rather than held whole. Nil keeps everything (tests, `format`).
    let sink: (([UInt8]) -> Void)?
    static let flushSize = 1 << 16

    public init(sink: (([UInt8]) -> Void)? = nil) {
        self.sink = sink
        if sink != nil { bytes.reserveCapacity(Self.flushSize * 2) }
    }

    /// Hands the bytes to the sink once there are enough of them; a formatter calls this
    /// between whole pieces of output (one finding), never inside one.
    public mutating func pieceEnded() {
        guard let sink, bytes.count >= Self.flushSize else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands over whatever is left.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func append(_ text: some StringProtocol) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// A literal: its bytes are copied straight from the binary.
    public mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    public mutating func append(decimal value: Int) {
        guard value != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var first = buffer.count
            while magnitude > 0 {
                first -= 1
                buffer[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: buffer[first...])
        }
    }

    /// `text` as a JSON string literal.
    public mutating func append(jsonString text: String) {
        JSONString.append(text, to: &bytes)
    }

    /// The bytes as text (tests, and callers that want a String).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
