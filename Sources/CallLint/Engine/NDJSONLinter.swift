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
        guard let (_, diagnostics) = check(record: line, name: name) else { return [] }
        return diagnostics.map { $0.shifted(by: offset) }
    }

    /// Checks one line as a document of its own (without its line break or a trailing CR);
    /// nil for a blank line. Positions are the record's.
    public func check(record line: ArraySlice<UInt8>, name: String) -> (SourceText, [Diagnostic])? {
        var end = line.endIndex
        if end > line.startIndex, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let record = line[line.startIndex..<end]
        guard record.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        let source = SourceText(name: name, bytes: Array(record))
        return (source, linter.lint(source))
    }
}
