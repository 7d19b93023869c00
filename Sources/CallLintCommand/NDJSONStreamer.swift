import CallLint

/// Checks an NDJSON stream block by block: reads a few megabytes, checks the complete lines
/// in it in parallel, hands their reports on in order, and keeps only the unfinished last
/// line. Memory stays flat however long the stream.
struct NDJSONStreamer {
    static let blockSize = 4 << 20

    let checker: FileChecker
    let workers: Int

    /// - Returns: why reading failed, or nil.
    func stream(
        name: String, read: (Int) -> Result<[UInt8], FileSystemFailure>, emit: ([FileReport]) -> Void
    ) -> String? {
        let linter = NDJSONLinter(linter: checker.linter(for: name))
        var pending: [UInt8] = []
        var pendingOffset = 0
        var pendingLine = 1
        var atEnd = false
        while !atEnd {
            switch read(Self.blockSize) {
            case .failure(let failure): return failure.message
            case .success(let chunk):
                if chunk.isEmpty { atEnd = true } else { pending += chunk }
            }
            // Complete lines: everything up to the last line break (all of it at the end).
            var records: [(range: Range<Int>, line: Int)] = []
            var start = 0
            var line = pendingLine
            for index in pending.indices where pending[index] == UInt8(ascii: "\n") {
                records.append((start..<index, line))
                start = index + 1
                line += 1
            }
            if atEnd, start < pending.count {
                records.append((start..<pending.count, line))
                start = pending.count
            }
            guard !records.isEmpty else { continue }
            let block = pending
            let baseOffset = pendingOffset
            let reports = ParallelMap.map(records.count, workers: workers) { index -> FileReport? in
                let record = records[index]
                guard let (source, diagnostics) = linter.check(record: block[record.range], name: name), !diagnostics.isEmpty else {
                    return nil
                }
                return FileReport(
                    displayName: name, source: source, diagnostics: diagnostics, lineOffset: record.line - 1,
                    byteOffset: baseOffset + record.range.lowerBound)
            }
            emit(reports.compactMap { $0 })
            pending.removeFirst(start)
            pendingOffset += start
            pendingLine = line
        }
        return nil
    }
}
