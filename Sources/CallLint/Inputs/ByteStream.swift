/// Where an input's bytes come from: a file, standard input, or bytes already in memory.
/// Drivers pull from it: a document driver all at once, the NDJSON driver block by block.
public protocol ByteStream {
    /// Up to about `count` more bytes (an in-memory stream hands over the rest at once); empty
    /// at the end.
    mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure>
    /// Everything left.
    mutating func readAll() -> Result<[UInt8], IOFailure>
}

extension ByteStream {
    public mutating func readAll() -> Result<[UInt8], IOFailure> {
        var bytes: [UInt8] = []
        while true {
            switch read(upTo: 1 << 20) {
            case .failure(let failure): return .failure(failure)
            case .success(let chunk):
                if chunk.isEmpty { return .success(bytes) }
                bytes += chunk
            }
        }
    }
}

/// Bytes already in memory: a text being fixed, checked again after its fixes, or a test's.
/// The whole text is one stretch, so positions are its own.
public struct InMemoryBytes: ByteStream {
    var remaining: [UInt8]?

    public init(_ bytes: [UInt8]) {
        remaining = bytes
    }

    public mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure> {
        defer { remaining = nil }
        return .success(remaining ?? [])
    }

    public mutating func readAll() -> Result<[UInt8], IOFailure> { read(upTo: 0) }
}
