/// Where an input's bytes come from: a file, standard input, or bytes already in memory.
/// Drivers pull from it: a document driver all at once, the NDJSON driver block by block.
public protocol ByteStream {
    /// Up to about `count` more bytes (an in-memory stream hands over the rest at once); empty
    /// at the end.
    mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure>
    /// Everything left; more than `limit` bytes is a failure, found without reading further.
    mutating func readAll(limit: Int) -> Result<[UInt8], IOFailure>
}

extension ByteStream {
    public mutating func readAll(limit: Int) -> Result<[UInt8], IOFailure> {
        var bytes: [UInt8] = []
        while true {
            guard bytes.count <= limit else { return .failure(InputLimits.tooLarge(limit)) }
            switch read(upTo: min(1 << 20, limit + 1 - bytes.count)) {
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

    public mutating func readAll(limit: Int) -> Result<[UInt8], IOFailure> {
        guard (remaining?.count ?? 0) <= limit else { return .failure(InputLimits.tooLarge(limit)) }
        return read(upTo: 0)
    }
}
