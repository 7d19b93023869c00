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
            return .failure(JSONSyntaxError(range: 0..<0, message: "input is 2 GiB or larger; call-lint reads smaller files"))
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
            var scanner = JSONScanner(bytes: buffer, source: source, maxDepth: maxDepth, estimatedNodes: max(16, range.count / 8))
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
    public func parseValue(
        in source: SourceText, at offset: Int, pointerPrefix: String, depth: Int
    ) -> Result<(document: JSONDocument, end: Int), JSONSyntaxError> {
        source.bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(bytes: buffer, source: source, maxDepth: max(1, maxDepth - depth), estimatedNodes: 16)
            scanner.position = offset
            scanner.singleValue = true
            do throws(JSONSyntaxError) {
                while true {
                    try scanner.scanValue()
                    try scanner.scanAfterValue()
                    if scanner.stack.isEmpty { break }
                }
                return .success((JSONDocument(source: source, nodes: scanner.nodes, pointerPrefix: pointerPrefix), scanner.position))
            } catch {
                return .failure(error)
            }
        }
    }
}

private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == carriageReturn || byte == tab
    }
    static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }
    static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) || byte == minus }
}

private struct OpenContainer {
    let node: Int32
    var lastChild: Int32
    let isObject: Bool
}

private struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let maxDepth: Int
    var nodes: [JSONNodeStorage] = []
    var stack: [OpenContainer] = []
    var position = 0
    var pendingKey: (start: Int32, escapes: Bool)?
    /// Stop after one value instead of requiring the end of input.
    var singleValue = false

    init(bytes: UnsafeBufferPointer<UInt8>, source: SourceText, maxDepth: Int, estimatedNodes: Int? = nil) {
        self.bytes = bytes
        self.source = source
        self.maxDepth = maxDepth
        // A node for every 8 bytes covers compact JSON without a growth copy; reserved pages
        // that are never written cost no memory.
        nodes.reserveCapacity(estimatedNodes ?? max(16, bytes.count / 8))
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count, Byte.isWhitespace(bytes[position]) { position += 1 }
    }

    // MARK: Document

    /// Scans the document that runs from `start` to the end of `bytes`.
    mutating func scanDocument(from start: Int = 0) throws(JSONSyntaxError) {
        try checkEncodingPreamble(at: start)
        position = start
        skipWhitespace()
        if atEnd {
            throw bytes.count == start
                ? JSONSyntaxError(range: start..<start, message: "empty input: a request body must be a JSON object", help: "write at least {\"phoneNumber\": \"+13175550123\"}")
                : JSONSyntaxError(range: bytes.count..<bytes.count, message: "input holds only whitespace: a request body must be a JSON object")
        }
        while true {
            try scanValue()
            try scanAfterValue()
            if stack.isEmpty { return }
        }
    }

    func checkEncodingPreamble(at start: Int) throws(JSONSyntaxError) {
        let count = bytes.count - start
        let bytes = UnsafeBufferPointer(rebasing: self.bytes[start...])
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONSyntaxError(
                range: start..<start + 3, message: "byte-order mark (U+FEFF) at the start of the input",
                help: "save the file as UTF-8 without a BOM; RFC 8259 does not allow one in JSON")
        }
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw JSONSyntaxError(range: start..<start + 2, message: "input is UTF-16 (it starts with a UTF-16 byte-order mark)", help: "save the file as UTF-8")
        }
        if count >= 2, (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0), bytes[0] < 0x80, bytes[1] < 0x80 {
            throw JSONSyntaxError(range: start..<start + 2, message: "input looks like UTF-16 (every other byte is NUL)", help: "save the file as UTF-8")
        }
    }

    // MARK: Values

    /// Scans one value at `position` (whitespace already skipped). Containers are opened and
    /// left on the stack; their contents are scanned by the caller's loop.
    mutating func scanValue() throws(JSONSyntaxError) {
        while true {
            guard !atEnd else { throw unexpectedEnd() }
            let start = position
            let byte = bytes[position]
            switch byte {
            case Byte.openBrace, Byte.openBracket:
                let isObject = byte == Byte.openBrace
                if isObject, start + 1 < bytes.count, bytes[start + 1] == Byte.openBrace {
                    throw unexpected(at: start, expecting: .value)  // an unquoted {{placeholder}}
                }
                guard stack.count < maxDepth else {
                    throw JSONSyntaxError(
                        range: start..<start + 1, message: "nesting deeper than \(maxDepth) levels",
                        help: "a call request is at most four levels deep; this input is not one")
                }
                let node = addNode(isObject ? .object : .array, start: start, end: start + 1, escapes: false)
                stack.append(OpenContainer(node: node, lastChild: -1, isObject: isObject))
                position += 1
                skipWhitespace()
                let close = isObject ? Byte.closeBrace : Byte.closeBracket
                if !atEnd, bytes[position] == close {
                    return  // empty container: scanAfterValue closes it
                }
                if isObject {
                    try scanKey()
                }
                continue  // scan the first element or member value
            case Byte.quote:
                let (end, escapes) = try scanString(from: start)
                _ = addNode(.string, start: start, end: end, escapes: escapes)
                position = end
                return
            case Byte.minus, Byte.zero...Byte.nine:
                let end = try scanNumber(from: start)
                _ = addNode(.number, start: start, end: end, escapes: false)
                position = end
                return
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                if let kind = literal(at: start) {
                    let length = kind == .false ? 5 : 4
                    _ = addNode(kind, start: start, end: start + length, escapes: false)
                    position = start + length
                    return
                }
                throw unexpected(at: start, expecting: .value)
            default:
                throw unexpected(at: start, expecting: .value)
            }
        }
    }

    /// After a value: closes finished containers, consumes a comma and the next key, or
    /// checks that nothing follows the root.
    mutating func scanAfterValue() throws(JSONSyntaxError) {
        while true {
            skipWhitespace()
            guard let top = stack.last else {
                if !atEnd, !singleValue { throw trailingContent() }
                return
            }
            guard !atEnd else { throw unexpectedEnd() }
            let byte = bytes[position]
            let close = top.isObject ? Byte.closeBrace : Byte.closeBracket
            if byte == close {
                nodes[Int(top.node)].end = Int32(position + 1)
                stack.removeLast()
                position += 1
                continue
            }
            if byte == Byte.comma {
                let comma = position
                position += 1
                skipWhitespace()
                if !atEnd, bytes[position] == close {
                    throw JSONSyntaxError(
                        range: comma..<comma + 1, message: "trailing comma before `\(Character(Unicode.Scalar(close)))`",
                        help: "remove the `,`: JSON does not allow a comma after the last \(top.isObject ? "member" : "element")")
                }
                if top.isObject { try scanKey() }
                skipWhitespace()
                return
            }
            throw afterValueError(top)
        }
    }

    mutating func scanKey() throws(JSONSyntaxError) {
        skipWhitespace()
        guard !atEnd else { throw unexpectedEnd() }
        let start = position
        guard bytes[start] == Byte.quote else { throw unexpected(at: start, expecting: .key) }
        let (end, escapes) = try scanString(from: start)
        position = end
        skipWhitespace()
        guard !atEnd else { throw unexpectedEnd() }
        guard bytes[position] == Byte.colon else {
            let found = bytes[position]
            let keyText = source.text(start..<end)
            throw JSONSyntaxError(
                range: position..<position + 1, message: "expected `:` after the key \(keyText)",
                help: found == UInt8(ascii: "=") ? "write `:` between a key and its value, not `=`" : "write \(keyText): followed by the value")
        }
        position += 1
        skipWhitespace()
        pendingKey = (Int32(start), escapes)
    }

    mutating func addNode(_ kind: JSONKind, start: Int, end: Int, escapes: Bool) -> Int32 {
        let index = Int32(nodes.count)
        let key = pendingKey
        pendingKey = nil
        let parent = stack.last?.node ?? -1
        nodes.append(
            JSONNodeStorage(
                kind: kind, hasEscapes: escapes, keyHasEscapes: key?.escapes ?? false,
                start: Int32(start), end: Int32(end), keyStart: key?.start ?? -1,
                parent: parent, nextSibling: -1, childCount: 0,
                position: parent >= 0 ? nodes[Int(parent)].childCount : 0))
        if !stack.isEmpty {
            let top = stack.count - 1
            let previous = stack[top].lastChild
            if previous >= 0 {
                nodes[Int(previous)].nextSibling = index
            }
            nodes[Int(parent)].childCount += 1
            stack[top].lastChild = index
        }
        return index
    }

    func literal(at start: Int) -> JSONKind? {
        func matches(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard start + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[start + offset] != word.utf8Start[offset] { return false }
            let after = start + count
            return after == bytes.count || !Byte.isWordByte(bytes[after])
        }
        if matches("true") { return .true }
        if matches("false") { return .false }
        if matches("null") { return .null }
        return nil
    }

    // MARK: Strings

    /// Returns the offset after the closing quote, and whether the string holds escapes.
    func scanString(from start: Int) throws(JSONSyntaxError) -> (Int, Bool) {
        var index = start + 1
        var escapes = false
        let count = bytes.count
        while true {
            // Fast path: plain ASCII that needs no attention.
            while index < count {
                let byte = bytes[index]
                if byte == Byte.quote || byte == Byte.backslash || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            guard index < count else {
                let opened = source.location(of: start)
                throw JSONSyntaxError(
                    range: start..<start + 1, message: "string opened at line \(opened.line), column \(opened.column) is never closed",
                    help: "add the closing `\"`")
            }
            let byte = bytes[index]
            if byte == Byte.quote { return (index + 1, escapes) }
            if byte == Byte.backslash {
                escapes = true
                index = try scanEscape(at: index)
                continue
            }
            if byte < 0x20 {
                let name = byte == Byte.newline ? "a line break" : byte == Byte.tab ? "a tab" : "control character U+" + hex(UInt32(byte), width: 4)
                let escape = byte == Byte.newline ? "\\n" : byte == Byte.tab ? "\\t" : "\\u" + hex(UInt32(byte), width: 4)
                throw JSONSyntaxError(
                    range: index..<index + 1, message: "\(name) inside a string",
                    help: byte == Byte.newline
                        ? "a string must end on the line it starts; close it with `\"`, or write \(escape) for a line break inside it"
                        : "write it escaped as \(escape)")
            }
            guard let length = utf8SequenceLength(at: index) else {
                throw JSONSyntaxError(
                    range: index..<index + 1, message: "invalid UTF-8 byte 0x\(hex(UInt32(bytes[index]), width: 2)) inside a string",
                    help: "save the file as UTF-8; JSON text must be valid UTF-8")
            }
            index += length
        }
    }

    /// Validates the escape at `index` (a backslash) and returns the offset after it.
    func scanEscape(at index: Int) throws(JSONSyntaxError) -> Int {
        guard index + 1 < bytes.count else { throw unexpectedEnd() }
        switch bytes[index + 1] {
        case Byte.quote, Byte.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            let unit = try unicodeEscape(at: index)
            if (0xDC00...0xDFFF).contains(unit) {
                throw loneSurrogate(unit, at: index)
            }
            if (0xD800...0xDBFF).contains(unit) {
                let next = index + 6
                if next + 1 < bytes.count, bytes[next] == Byte.backslash, bytes[next + 1] == UInt8(ascii: "u") {
                    let low = try unicodeEscape(at: next)
                    if (0xDC00...0xDFFF).contains(low) { return next + 6 }
                }
                throw loneSurrogate(unit, at: index)
            }
            return index + 6
        default:
            let shown = source.text(index..<min(bytes.count, index + 2))
            throw JSONSyntaxError(
                range: index..<min(bytes.count, index + 2), message: "invalid escape `\(shown)` in a string",
                help: "JSON knows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash itself as \\\\")
        }
    }

    func unicodeEscape(at index: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard index + offset < bytes.count, let digit = JSONStringDecoder.hexDigit(bytes[index + offset]) else {
                throw JSONSyntaxError(
                    range: index..<min(bytes.count, index + 6), message: "`\\u` must be followed by four hex digits",
                    help: "write the character as \\uXXXX, for example \\u00e9")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    func loneSurrogate(_ unit: UInt32, at index: Int) -> JSONSyntaxError {
        JSONSyntaxError(
            range: index..<index + 6, message: "lone UTF-16 surrogate \\u\(hex(unit, width: 4)) in a string",
            help: "a surrogate must come as a high-low pair (\\uD83D\\uDE00); alone it is no character and cannot become UTF-8")
    }

    /// Length of the valid UTF-8 sequence at `index` (Unicode 15, table 3-7), or nil.
    func utf8SequenceLength(at index: Int) -> Int? {
        let first = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    // MARK: Numbers

    func scanNumber(from start: Int) throws(JSONSyntaxError) -> Int {
        var index = start
        let count = bytes.count
        if bytes[index] == Byte.minus {
            index += 1
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(range: start..<index, message: "`-` must be followed by a digit")
            }
        }
        if bytes[index] == Byte.zero {
            index += 1
            if index < count, Byte.isDigit(bytes[index]) {
                var end = index
                while end < count, Byte.isDigit(bytes[end]) { end += 1 }
                let digits = source.text(start..<end)
                throw JSONSyntaxError(
                    range: start..<end, message: "number \(digits) has a leading zero, which JSON does not allow",
                    help: "a phone number or id is text: write it as a string, \"\(digits)\" (phone numbers in E.164 form: \"+...\")")
            }
        } else {
            while index < count, Byte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == Byte.dot {
            index += 1
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(range: start..<index, message: "a decimal point must be followed by a digit", help: "write \(source.text(start..<index))0, or drop the `.`")
            }
            while index < count, Byte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == Byte.plus || bytes[index] == Byte.minus { index += 1 }
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(range: start..<index, message: "an exponent must have digits")
            }
            while index < count, Byte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count {
            let next = bytes[index]
            if !(Byte.isWhitespace(next) || next == Byte.comma || next == Byte.closeBrace || next == Byte.closeBracket) {
                var end = index
                while end < count, !Byte.isWhitespace(bytes[end]), bytes[end] != Byte.comma, bytes[end] != Byte.closeBrace,
                    bytes[end] != Byte.closeBracket
                {
                    end += 1
                }
                let text = source.text(start..<end)
                throw JSONSyntaxError(
                    range: index..<index + 1, message: "unexpected `\(source.text(index..<index + 1))` in the number \(text)",
                    help: "if this is a phone number or id, write it as a string: \"\(text)\"")
            }
        }
        return index
    }

    // MARK: Errors

    enum Expectation { case value, key }

    func describeOpen(_ container: OpenContainer) -> String {
        let opened = source.location(of: Int(nodes[Int(container.node)].start))
        return "the \(container.isObject ? "object" : "array") opened at line \(opened.line), column \(opened.column)"
    }

    func unexpectedEnd() -> JSONSyntaxError {
        let end = bytes.count
        guard let innermost = stack.last else {
            return JSONSyntaxError(range: end..<end, message: "unexpected end of input")
        }
        let more = stack.count > 1 ? " (and \(stack.count - 1) enclosing it)" : ""
        let closers = String(stack.reversed().map { $0.isObject ? "}" : "]" })
        return JSONSyntaxError(
            range: end..<end, message: "unexpected end of input: \(describeOpen(innermost)) is never closed\(more)",
            help: "the input may be cut short; it needs `\(closers)` to close")
    }

    func trailingContent() -> JSONSyntaxError {
        let byte = bytes[position]
        if byte == Byte.openBrace || byte == Byte.openBracket {
            return JSONSyntaxError(
                range: position..<position + 1, message: "a second JSON value after the first one",
                help: "send one request body per call; to check many payloads in one file, write one per line and use --ndjson")
        }
        if byte == Byte.comma {
            return JSONSyntaxError(range: position..<position + 1, message: "unexpected `,` after the end of the JSON value", help: "remove it")
        }
        if byte == Byte.closeBrace || byte == Byte.closeBracket {
            return JSONSyntaxError(
                range: position..<position + 1, message: "unexpected `\(Character(Unicode.Scalar(byte)))`: nothing is open to close",
                help: "remove it, or add the opening bracket it belongs to")
        }
        return unexpected(at: position, expecting: nil)
    }

    func afterValueError(_ top: OpenContainer) -> JSONSyntaxError {
        let byte = bytes[position]
        let closer = top.isObject ? "}" : "]"
        let owner = describeOpen(top)
        if byte == Byte.closeBrace || byte == Byte.closeBracket {
            return JSONSyntaxError(
                range: position..<position + 1,
                message: "`\(Character(Unicode.Scalar(byte)))` does not match \(owner)",
                help: "close it with `\(closer)`")
        }
        if byte == Byte.quote || byte == Byte.openBrace || byte == Byte.openBracket || byte == Byte.minus
            || Byte.isDigit(byte) || literal(at: position) != nil
        {
            return JSONSyntaxError(
                range: position..<position + 1,
                message: top.isObject ? "missing `,` between members of \(owner)" : "missing `,` between elements of \(owner)",
                help: "add a `,` before this")
        }
        if byte == Byte.colon {
            return JSONSyntaxError(
                range: position..<position + 1, message: "unexpected `:` in \(owner)",
                help: top.isObject ? "a member is \"key\": value; is a comma missing, or a key unquoted?" : "an array holds values only; use an object for key: value pairs")
        }
        if let special = describeSpecialByte(at: position) { return special }
        return JSONSyntaxError(
            range: position..<position + 1,
            message: "expected `,` or `\(closer)` in \(owner), found \(quoteCharacter(at: position))")
    }

    /// Explains an unexpected byte where a value or key should begin.
    func unexpected(at index: Int, expecting: Expectation?) -> JSONSyntaxError {
        let byte = bytes[index]
        if let special = describeSpecialByte(at: index) { return special }
        if byte == UInt8(ascii: "$"), index + 1 < bytes.count,
            bytes[index + 1] == Byte.openBrace || bytes[index + 1] == UInt8(ascii: "!")
        {
            return unquotedPlaceholder(at: index)
        }
        if Byte.isWordStart(byte) {
            var end = index
            while end < bytes.count, Byte.isWordByte(bytes[end]) || bytes[end] == Byte.dot { end += 1 }
            let word = source.text(index..<end)
            if expecting == .key {
                return JSONSyntaxError(
                    range: index..<end, message: "object key `\(word)` is not in double quotes",
                    help: "write \"\(word)\": JSON keys are always double-quoted strings")
            }
            switch word {
            case "True", "TRUE": return literalHint(index, end, word, "true", "JSON's booleans are lowercase")
            case "False", "FALSE": return literalHint(index, end, word, "false", "JSON's booleans are lowercase")
            case "None", "NULL", "Null", "nil", "undefined": return literalHint(index, end, word, "null", "JSON spells the empty value null")
            case "NaN", "Infinity": return literalHint(index, end, word, "a string or a finite number", "JSON has no \(word)")
            default:
                return JSONSyntaxError(
                    range: index..<end, message: "unquoted text `\(word)`",
                    help: "strings are written in double quotes: \"\(word)\"")
            }
        }
        switch byte {
        case Byte.closeBrace, Byte.closeBracket:
            return JSONSyntaxError(range: index..<index + 1, message: "missing value before `\(Character(Unicode.Scalar(byte)))`", help: "write a value, or remove the key or comma before it")
        case Byte.comma:
            return JSONSyntaxError(range: index..<index + 1, message: "missing value before `,`", help: "write a value, or remove the extra `,`")
        case Byte.colon:
            return JSONSyntaxError(range: index..<index + 1, message: "unexpected `:`", help: "a member is written \"key\": value")
        case Byte.plus where index + 1 < bytes.count && Byte.isDigit(bytes[index + 1]):
            var end = index + 1
            while end < bytes.count, Byte.isDigit(bytes[end]) { end += 1 }
            let number = source.text(index..<end)
            return JSONSyntaxError(
                range: index..<end, message: "unquoted phone number \(number)",
                help: "phone numbers are strings: write \"\(number)\"")
        case Byte.dot where index + 1 < bytes.count && Byte.isDigit(bytes[index + 1]):
            return JSONSyntaxError(range: index..<index + 1, message: "a number must not start with `.`", help: "write a 0 before the decimal point")
        case Byte.openBrace where index + 1 < bytes.count && bytes[index + 1] == Byte.openBrace,
            UInt8(ascii: "<"), UInt8(ascii: "%"):
            return unquotedPlaceholder(at: index)
        default:
            let what = expecting == .key ? "a key in double quotes" : "a value"
            return JSONSyntaxError(range: index..<index + 1, message: "expected \(what), found \(quoteCharacter(at: index))")
        }
    }

    func unquotedPlaceholder(at index: Int) -> JSONSyntaxError {
        var end = index
        while end < bytes.count, !Byte.isWhitespace(bytes[end]), bytes[end] != Byte.comma { end += 1 }
        let text = source.text(index..<end)
        return JSONSyntaxError(
            range: index..<end, message: "template placeholder \(text) outside a string",
            help: "quote it, \"\(text)\", or lint the rendered payload; a quoted placeholder is accepted")
    }

    func literalHint(_ start: Int, _ end: Int, _ word: String, _ replacement: String, _ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(range: start..<end, message: "`\(word)` is not JSON", help: "\(reason): write \(replacement)")
    }

    /// Causes a person recognises: comments, other quote marks, invisible characters,
    /// binary content, invalid UTF-8.
    func describeSpecialByte(at index: Int) -> JSONSyntaxError? {
        let byte = bytes[index]
        let remaining = bytes.count - index
        if byte == 0 {
            return JSONSyntaxError(range: index..<index + 1, message: "NUL byte (0x00): this looks like a binary file, not JSON text")
        }
        if byte == UInt8(ascii: "/"), remaining > 1, bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
            return JSONSyntaxError(range: index..<index + 2, message: "comments are not allowed in JSON", help: "remove the comment; the API rejects bodies that contain one")
        }
        if byte == UInt8(ascii: "'") {
            return JSONSyntaxError(range: index..<index + 1, message: "single quotes are not JSON", help: "write strings and keys in double quotes: \"...\"")
        }
        if byte == 0xE2, remaining > 2, bytes[index + 1] == 0x80 {
            switch bytes[index + 2] {
            case 0x9C, 0x9D, 0x98, 0x99, 0x9E:
                let mark = source.text(index..<index + 3)
                return JSONSyntaxError(
                    range: index..<index + 3, message: "curly quote \(mark) instead of a straight double quote",
                    help: "this usually comes from copying out of a web page, word processor or chat; replace every “ ” ‘ ’ with \"")
            case 0x8B, 0x8C, 0x8D:
                return JSONSyntaxError(range: index..<index + 3, message: "invisible zero-width character (U+200\(bytes[index + 2] == 0x8B ? "B" : bytes[index + 2] == 0x8C ? "C" : "D")) between tokens", help: "delete it; it is usually pasted along from a web page or chat")
            default: break
            }
        }
        if byte == 0xC2, remaining > 1, bytes[index + 1] == 0xA0 {
            return JSONSyntaxError(range: index..<index + 2, message: "non-breaking space (U+00A0) between tokens", help: "replace it with a plain space; JSON whitespace is space, tab, CR and LF only")
        }
        if byte == 0xEF, remaining > 2, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            return JSONSyntaxError(range: index..<index + 3, message: "byte-order mark (U+FEFF) inside the input", help: "delete it; files joined together often carry one")
        }
        if byte >= 0x80, utf8SequenceLength(at: index) == nil {
            return JSONSyntaxError(range: index..<index + 1, message: "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))", help: "save the file as UTF-8; a binary or differently encoded file cannot be checked")
        }
        return nil
    }

    func quoteCharacter(at index: Int) -> String {
        let byte = bytes[index]
        if byte >= 0x80, let length = utf8SequenceLength(at: index) {
            let text = source.text(index..<index + length)
            let scalar = text.unicodeScalars.first.map { "U+" + hex($0.value, width: 4) } ?? ""
            return "`\(text)` (\(scalar))"
        }
        if byte < 0x20 || byte == 0x7F { return "control character 0x\(hex(UInt32(byte), width: 2))" }
        return "`\(Character(Unicode.Scalar(byte)))`"
    }
}

func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
