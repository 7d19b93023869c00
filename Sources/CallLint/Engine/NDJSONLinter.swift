/// Checks NDJSON: one request body per line, each checked on its own and reported at its
/// line in the file. Blank lines are skipped.
public struct NDJSONLinter: Sendable {
    public let linter: Linter

    public init(linter: Linter) {
        self.linter = linter
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let bytes = source.bytes
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            diagnostics += lintRecord(bytes[lineStart..<lineEnd], at: lineStart, name: source.name)
            lineStart = lineEnd + 1
        }
        return diagnostics
    }

    /// Checks one line; `offset` is where the line starts in its file.
    public func lintRecord(_ line: ArraySlice<UInt8>, at offset: Int, name: String) -> [Diagnostic] {
        var end = line.endIndex
        if end > line.startIndex, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let record = line[line.startIndex..<end]
        guard record.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return [] }
        return linter.lint(SourceText(name: name, bytes: Array(record))).map { $0.shifted(by: offset) }
    }
}
