/// A strict RFC 8259 parser over UTF-8 bytes that records where every value and key came from.
///
/// It never recurses: open containers live on an explicit stack whose depth is capped by
/// `maxDepth`, so hostile nesting ends in a diagnostic, not a stack overflow. Duplicate keys
/// are kept; a rule reports them. On the first error it stops and explains the likely cause.
public struct JSONParser: Sendable {
    public static let defaultMaxDepth = 1000

    public let maxDepth: Int

    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    public func parse(_ source: SourceText) -> Result<JSONDocument, JSONSyntaxError> {
        guard source.bytes.count < Int(Int32.max) else {
            return .failure(JSONSyntaxError(.tooLarge, at: 0..<0))
        }
        return source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer, source: source, maxDepth: maxDepth)
            do throws(JSONSyntaxError) {
                try scanner.scanDocument()
                return .success(JSONDocument(source: source, nodes: scanner.nodes))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Parses the value that fills `range` of the source and nothing else (one line of an
    /// NDJSON block): the same checks as a whole document, with positions the source's.
    public func parse(_ source: SourceText, within range: Range<Int>) -> Result<JSONDocument, JSONSyntaxError> {
        source.bytes.withUnsafeBufferPointer { whole in
            // The scanner sees the text up to the range's end, so a value cannot run past it.
            let buffer = UnsafeBufferPointer(rebasing: whole[..<range.upperBound])
            var scanner = JSONScanner(
                bytes: buffer, source: source, maxDepth: maxDepth, estimatedNodes: max(16, range.count / 8))
            do throws(JSONSyntaxError) {
                try scanner.scanDocument(from: range.lowerBound)
                return .success(JSONDocument(source: source, nodes: scanner.nodes))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Parses the one value that starts at `offset` and stops after it, returning it as a
    /// document of its own (positions stay the source's) and the offset after it. This takes
    /// a large array apart one element at a time, so that its tree is never built whole.
    /// - Parameter elementIndex: the value's index in that array, the first step of its pointers.
    public func parseValue(
        in source: SourceText, at offset: Int, elementIndex: Int, depth: Int
    ) -> Result<(document: JSONDocument, end: Int), JSONSyntaxError> {
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(
                bytes: buffer, source: source, maxDepth: maxDepth, estimatedNodes: 16)
            scanner.enclosingDepth = min(depth, maxDepth - 1)
            scanner.position = offset
            scanner.singleValue = true
            do throws(JSONSyntaxError) {
                while true {
                    try scanner.scanValue()
                    try scanner.scanAfterValue()
                    if scanner.stack.isEmpty { break }
                }
                return .success(
                    (JSONDocument(source: source, nodes: scanner.nodes, elementIndex: elementIndex), scanner.position)
                )
            } catch {
                return .failure(error)
            }
        }
    }
}
