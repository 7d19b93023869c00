/// Checks a JSON array of request bodies (`--array`) element by element: each element is
/// parsed on its own, a block at a time, so memory holds the text and one block of trees,
/// never the tree of the whole array. The caller decides how a block is checked (the command
/// spreads it over the cores) and receives the diagnostics block by block, in order.
public struct ArrayBatchLinter: Sendable {
    public static let blockSize = 2048

    public let linter: Linter

    public init(linter: Linter) {
        self.linter = linter
    }

    /// - Parameters:
    ///   - check: checks a block of request bodies, returning their diagnostics in order.
    ///   - emit: receives each block's diagnostics (positions are the source's).
    public func lint(_ source: SourceText, check: ([JSONValue]) -> [[Diagnostic]], emit: ([Diagnostic]) -> Void) {
        let bytes = source.bytes
        var position = skipWhitespace(bytes, 0)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else {
            emit(notAnArray(source))
            return
        }
        let opening = source.location(of: position)
        let owner = "the array opened at line \(opening.line), column \(opening.column)"
        var block: [JSONDocument] = []
        func flush() {
            guard !block.isEmpty else { return }
            emit(check(block.map(\.root)).flatMap { $0 })
            block.removeAll(keepingCapacity: true)
        }
        func fail(_ range: Range<Int>, _ message: String, _ help: String? = nil) {
            flush()
            guard linter.settings.isEnabled(InvalidJSONRule.id) else { return }
            emit([InvalidJSONRule.diagnostic(
                for: JSONSyntaxError(range: range, message: message, help: help), severity: linter.settings.severity(of: InvalidJSONRule.id))])
        }
        position = skipWhitespace(bytes, position + 1)
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position = skipWhitespace(bytes, position + 1)
            if position < bytes.count { fail(position..<position + 1, "unexpected content after the end of the array") }
            return
        }
        var index = 0
        while true {
            switch linter.parser.parseValue(in: source, at: position, pointerPrefix: "/\(index)", depth: 1) {
            case .failure(let error):
                flush()
                if linter.settings.isEnabled(InvalidJSONRule.id) {
                    emit([InvalidJSONRule.diagnostic(for: error, severity: linter.settings.severity(of: InvalidJSONRule.id))])
                }
                return
            case .success(let parsed):
                block.append(parsed.document)
                position = skipWhitespace(bytes, parsed.end)
            }
            index += 1
            if block.count == Self.blockSize { flush() }
            guard position < bytes.count else {
                return fail(bytes.count..<bytes.count, "unexpected end of input: \(owner) is never closed", "the input may be cut short; it needs `]` to close")
            }
            switch bytes[position] {
            case UInt8(ascii: ","):
                let comma = position
                position = skipWhitespace(bytes, position + 1)
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    return fail(comma..<comma + 1, "trailing comma before `]`", "remove the `,`: JSON does not allow a comma after the last element")
                }
            case UInt8(ascii: "]"):
                position = skipWhitespace(bytes, position + 1)
                if position < bytes.count {
                    return fail(position..<position + 1, "unexpected content after the end of the array")
                }
                flush()
                return
            default:
                return fail(position..<position + 1, "missing `,` between elements of \(owner)", "add a `,` before this")
            }
        }
    }

    /// The input is not an array: report it whole, as it is (not JSON, or not an array).
    func notAnArray(_ source: SourceText) -> [Diagnostic] {
        switch linter.parser.parse(source) {
        case .failure(let error):
            guard linter.settings.isEnabled(InvalidJSONRule.id) else { return [] }
            return [InvalidJSONRule.diagnostic(for: error, severity: linter.settings.severity(of: InvalidJSONRule.id))]
        case .success(let document):
            guard linter.settings.isEnabled(WrongTypeRule.id) else { return [] }
            let root = document.root
            return [
                Diagnostic(
                    ruleID: WrongTypeRule.id, severity: linter.settings.severity(of: WrongTypeRule.id),
                    message: "with --array the input must be a JSON array of request bodies, found \(root.kind.description)",
                    range: root.range.lowerBound..<root.range.lowerBound + 1, pointer: "",
                    help: "check a single request body without --array")
            ]
        }
    }

    func skipWhitespace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        return index
    }
}
