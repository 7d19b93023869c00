#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of output as a formatter writes them: appended in place into one growing block
/// of memory, text as UTF-8, numbers as decimal digits, JSON strings quoted, with no String
/// or Array built for each piece. A bulk run writes hundreds of thousands of findings; each
/// append is a bounds check and a copy.
public final class OutputBuffer {
    /// Where the bytes are. Kept behind a pointer rather than in stored `var`s: a class's
    /// mutable properties pay a run-time exclusivity check on every access, and appends are
    /// the output's innermost loop.
    struct Storage {
        var start: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count: Int
    }

    private let storage: UnsafeMutablePointer<Storage>
    /// Takes the bytes written so far, when a formatter says a piece is complete and the
    /// buffer has grown past `flushSize`: a block with a hundred thousand findings is written
    /// out in pieces rather than held whole. Nil keeps everything (tests, `format`).
    let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    static let flushSize = 1 << 16

    /// - Parameter capacity: the bytes expected; a buffer for a short string (a quoted key in a
    ///   message) starts small, not at the 128 KB an output streams through.
    public init(sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, capacity: Int? = nil) {
        self.sink = sink
        storage = .allocate(capacity: 1)
        let capacity = max(capacity ?? Self.flushSize * 2, 16)
        storage.initialize(to: Storage(start: .allocate(capacity: capacity), capacity: capacity, count: 0))
    }

    deinit {
        storage.pointee.start.deallocate()
        storage.deallocate()
    }

    private var start: UnsafeMutablePointer<UInt8> { storage.pointee.start }

    public var count: Int { storage.pointee.count }

    /// The bytes as text (tests, and callers that want a String).
    public var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// Hands the bytes to the sink once there are enough of them; a formatter calls this
    /// between whole pieces of output (one finding), never inside one.
    public func pieceEnded() {
        if count >= Self.flushSize { flush() }
    }

    /// Hands over whatever is left.
    public func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeBufferPointer(start: start, count: count))
        storage.pointee.count = 0
    }

    /// Room for `extra` more bytes; where they go.
    @inline(__always)
    func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        let state = storage.pointee
        if state.count + extra > state.capacity {
            let grown = max(state.capacity * 2, state.count + extra)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.update(from: state.start, count: state.count)
            state.start.deallocate()
            storage.pointee.start = moved
            storage.pointee.capacity = grown
            return moved + state.count
        }
        return state.start + state.count
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        storage.pointee.count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).update(from: base, count: bytes.count)
        storage.pointee.count += bytes.count
    }

    /// Disfavoured, so that a literal takes the StaticString overload (a copy from the binary)
    /// rather than becoming a String: a finding in JSON is twenty literals.
    @_disfavoredOverload
    public func append(_ text: some StringProtocol) {
        // A native string's bytes are read in place (a small one, a rule id, from the stack):
        // no copy of the string, so no count on its storage. Others are made native first.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var text = String(text)
        text.withUTF8 { append($0) }
    }

    /// A literal: its bytes are copied straight from the binary.
    public func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    public func append(decimal value: Int) {
        var target = reserve(21)
        var written = 0
        if value < 0 {
            target.pointee = UInt8(ascii: "-")
            target += 1
            written = 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        while digits < 20, magnitude >= scale {
            digits += 1
            let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
            if overflow { break }
            scale = next
        }
        var index = digits - 1
        repeat {
            target[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        storage.pointee.count += written + digits
    }

    /// `text` as a JSON string literal.
    public func append(jsonString text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ JSONString.append($0, to: self) }) != nil { return }
        var text = text
        text.withUTF8 { JSONString.append($0, to: self) }
    }
}
