import CallLint

/// An open file read by a driver. `readAll` sizes its buffer from the file's size, so a small
/// file costs one allocation and one read.
struct FileStream: ByteStream {
    let descriptor: Int32
    let sizeHint: Int

    /// - Parameter sizeHint: the file's size when known, else negative.
    static func open(_ path: String, sizeHint: Int) -> Result<FileStream, IOFailure> {
        FileSystem.openForReading(path).map { FileStream(descriptor: $0, sizeHint: sizeHint) }
    }

    mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure> {
        FileSystem.readChunk(descriptor: descriptor, count: count)
    }

    mutating func readAll(limit: Int) -> Result<[UInt8], IOFailure> {
        FileSystem.readAll(descriptor: descriptor, sizeHint: sizeHint, limit: limit)
    }

    func close() { FileSystem.closeDescriptor(descriptor) }
}

/// Standard input, as the console reads it.
struct StandardInputStream: ByteStream {
    let console: Console

    mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure> {
        console.readStandardInput(count)
    }
}
