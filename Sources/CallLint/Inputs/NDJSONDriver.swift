#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// NDJSON: one request body per line, each checked on its own; blank lines are skipped. The
/// stream is read a block at a time: the complete lines of a block are parsed in place and
/// checked in parallel, the block is handed on as one stretch, and only the unfinished last
/// line is kept for the next. Memory stays flat however long the stream.
struct NDJSONDriver: InputDriver {
    static let blockSize = 4 << 20
    static let batchSize = 4096

    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure? {
        var pending: [UInt8] = []
        var origin = SourceOrigin.start
        var atEnd = false
        while !atEnd {
            // What is pending holds no line break: a long line is searched once, not per block.
            let searched = pending.count
            switch input.read(upTo: Self.blockSize) {
            case .failure(let failure): return failure
            case .success(let chunk):
                if chunk.isEmpty {
                    atEnd = true
                } else if pending.isEmpty {
                    pending = chunk
                } else {
                    pending += chunk
                }
            }
            let (records, consumed, lines) = Self.records(in: pending, searchingFrom: searched, atEnd: atEnd)
            guard consumed > 0 else {
                // A line is checked as one text: a line without end is refused, not held.
                if pending.count > InputLimits.maximumBytes {
                    return IOFailure(
                        message: "line \(origin.linesBefore + 1) is "
                            + InputLimits.tooLarge(InputLimits.maximumBytes).message)
                }
                continue
            }
            let block = SourceText(name: name, bytes: pending, origin: origin)
            // The block's lines are handed on a batch at a time: a block of broken bodies has
            // a hundred times more diagnostics than bytes, and they wait to be printed.
            for batch in stride(from: 0, to: records.count, by: Self.batchSize) {
                let lines = records[batch..<min(records.count, batch + Self.batchSize)]
                let found = ParallelMap.map(lines.count, workers: workers) { index in
                    let line = lines[lines.startIndex + index]
                    switch linter.parser.parse(block, within: line) {
                    case .failure(let error): return linter.check(unparsed: line, in: block, error: error)
                    case .success(let document): return linter.check(body: document.root)
                    }
                }
                emit(InputStretch(source: block, diagnostics: Array(found.joined())))
            }
            pending = Array(pending[consumed...])
            origin = SourceOrigin(offset: origin.offset + consumed, linesBefore: origin.linesBefore + lines)
        }
        return nil
    }

    /// The non-blank complete lines of `bytes`, without their line break or a trailing CR;
    /// how many bytes they take with their breaks; how many line breaks that is. At the end
    /// of the stream, a last line without a break is complete too. No line break lies before
    /// `searchingFrom`.
    static func records(
        in bytes: [UInt8], searchingFrom searched: Int, atEnd: Bool
    ) -> (records: [Range<Int>], consumed: Int, lines: Int) {
        var records: [Range<Int>] = []
        var start = 0
        var lines = 0
        func add(_ end: Int) {
            var last = end
            if last > start, bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
            if bytes[start..<last].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                records.append(start..<last)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count,
                let newline = SourceText.nextNewline(buffer, from: max(start, searched), to: buffer.count)
            {
                add(newline)
                start = newline + 1
                lines += 1
            }
        }
        if atEnd, start < bytes.count {
            add(bytes.count)
            start = bytes.count
        }
        return (records, start, lines)
    }
}
