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
                ? JSONSyntaxError(.emptyInput, at: start..<start) : JSONSyntaxError(.onlyWhitespace, at: bytes.count..<bytes.count)
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
            throw JSONSyntaxError(.byteOrderMarkAtStart, at: start..<start + 3)
        }
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw JSONSyntaxError(.utf16ByteOrderMark, at: start..<start + 2)
        }
        if count >= 2, (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0), bytes[0] < 0x80, bytes[1] < 0x80 {
            throw JSONSyntaxError(.utf16NulBytes, at: start..<start + 2)
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
                    throw JSONSyntaxError(.tooDeep(limit: maxDepth), at: start..<start + 1)
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
                    throw JSONSyntaxError(.trailingComma(opener(top)), at: comma..<comma + 1)
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
            throw JSONSyntaxError(.missingColon(key: start..<end), at: position..<position + 1)
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
                throw JSONSyntaxError(.unclosedString, at: start..<start + 1)
            }
            let byte = bytes[index]
            if byte == Byte.quote { return (index + 1, escapes) }
            if byte == Byte.backslash {
                escapes = true
                index = try scanEscape(at: index)
                continue
            }
            if byte < 0x20 {
                throw JSONSyntaxError(.controlCharacterInString(byte), at: index..<index + 1)
            }
            guard let length = UTF8Validation.sequenceLength(bytes, at: index) else {
                throw JSONSyntaxError(.invalidUTF8InString(bytes[index]), at: index..<index + 1)
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
            throw JSONSyntaxError(.invalidEscape, at: index..<min(bytes.count, index + 2))
        }
    }

    func unicodeEscape(at index: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard index + offset < bytes.count, let digit = JSONStringDecoder.hexDigit(bytes[index + offset]) else {
                throw JSONSyntaxError(.incompleteUnicodeEscape, at: index..<min(bytes.count, index + 6))
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    func loneSurrogate(_ unit: UInt32, at index: Int) -> JSONSyntaxError {
        JSONSyntaxError(.loneSurrogate(unit), at: index..<index + 6)
    }

    // MARK: Numbers

    func scanNumber(from start: Int) throws(JSONSyntaxError) -> Int {
        var index = start
        let count = bytes.count
        if bytes[index] == Byte.minus {
            index += 1
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.minusWithoutDigit, at: start..<index)
            }
        }
        if bytes[index] == Byte.zero {
            index += 1
            if index < count, Byte.isDigit(bytes[index]) {
                var end = index
                while end < count, Byte.isDigit(bytes[end]) { end += 1 }
                throw JSONSyntaxError(.leadingZero, at: start..<end)
            }
        } else {
            while index < count, Byte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == Byte.dot {
            index += 1
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.decimalPointWithoutDigit, at: start..<index)
            }
            while index < count, Byte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == Byte.plus || bytes[index] == Byte.minus { index += 1 }
            guard index < count, Byte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.exponentWithoutDigits, at: start..<index)
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
                throw JSONSyntaxError(.unexpectedInNumber(number: start..<end), at: index..<index + 1)
            }
        }
        return index
    }

    // MARK: Errors

    enum Expectation { case value, key }

    func opener(_ container: OpenContainer) -> JSONSyntaxError.Opener {
        JSONSyntaxError.Opener(offset: Int(nodes[Int(container.node)].start), isObject: container.isObject)
    }

    func unexpectedEnd() -> JSONSyntaxError {
        JSONSyntaxError(.unexpectedEnd(open: stack.map(opener)), at: bytes.count..<bytes.count)
    }

    func trailingContent() -> JSONSyntaxError {
        let here = position..<position + 1
        switch bytes[position] {
        case Byte.openBrace, Byte.openBracket: return JSONSyntaxError(.secondValue, at: here)
        case Byte.comma: return JSONSyntaxError(.commaAfterValue, at: here)
        case Byte.closeBrace, Byte.closeBracket: return JSONSyntaxError(.nothingToClose, at: here)
        default: return unexpected(at: position, expecting: nil)
        }
    }

    func afterValueError(_ top: OpenContainer) -> JSONSyntaxError {
        let byte = bytes[position]
        let here = position..<position + 1
        if byte == Byte.closeBrace || byte == Byte.closeBracket {
            return JSONSyntaxError(.mismatchedCloser(opener(top)), at: here)
        }
        if byte == Byte.quote || byte == Byte.openBrace || byte == Byte.openBracket || byte == Byte.minus
            || Byte.isDigit(byte) || literal(at: position) != nil
        {
            return JSONSyntaxError(.missingComma(opener(top)), at: here)
        }
        if byte == Byte.colon { return JSONSyntaxError(.colonInContainer(opener(top)), at: here) }
        if let special = specialByte(at: position) { return special }
        return JSONSyntaxError(.unexpectedInContainer(opener(top)), at: here)
    }

    /// Explains an unexpected byte where a value or key should begin.
    func unexpected(at index: Int, expecting: Expectation?) -> JSONSyntaxError {
        let byte = bytes[index]
        let here = index..<index + 1
        if let special = specialByte(at: index) { return special }
        if byte == UInt8(ascii: "$"), index + 1 < bytes.count,
            bytes[index + 1] == Byte.openBrace || bytes[index + 1] == UInt8(ascii: "!")
        {
            return unquotedPlaceholder(at: index)
        }
        if Byte.isWordStart(byte) {
            var end = index
            while end < bytes.count, Byte.isWordByte(bytes[end]) || bytes[end] == Byte.dot { end += 1 }
            return JSONSyntaxError(expecting == .key ? .unquotedKey : .unquotedWord, at: index..<end)
        }
        switch byte {
        case Byte.closeBrace, Byte.closeBracket, Byte.comma:
            return JSONSyntaxError(.missingValue, at: here)
        case Byte.colon:
            return JSONSyntaxError(.unexpectedColon, at: here)
        case Byte.plus where index + 1 < bytes.count && Byte.isDigit(bytes[index + 1]):
            var end = index + 1
            while end < bytes.count, Byte.isDigit(bytes[end]) { end += 1 }
            return JSONSyntaxError(.plusSign, at: index..<end)
        case Byte.dot where index + 1 < bytes.count && Byte.isDigit(bytes[index + 1]):
            return JSONSyntaxError(.leadingDecimalPoint, at: here)
        case Byte.openBrace where index + 1 < bytes.count && bytes[index + 1] == Byte.openBrace,
            UInt8(ascii: "<"), UInt8(ascii: "%"):
            return unquotedPlaceholder(at: index)
        default:
            return JSONSyntaxError(.unexpected(expectingKey: expecting == .key), at: here)
        }
    }

    func unquotedPlaceholder(at index: Int) -> JSONSyntaxError {
        var end = index
        while end < bytes.count, !Byte.isWhitespace(bytes[end]), bytes[end] != Byte.comma { end += 1 }
        return JSONSyntaxError(.unquotedPlaceholder, at: index..<end)
    }

    /// Causes a person recognises: comments, other quote marks, invisible characters,
    /// binary content, invalid UTF-8.
    func specialByte(at index: Int) -> JSONSyntaxError? {
        let byte = bytes[index]
        let remaining = bytes.count - index
        if byte == 0 { return JSONSyntaxError(.nulByte, at: index..<index + 1) }
        if byte == UInt8(ascii: "/"), remaining > 1, bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
            return JSONSyntaxError(.comment, at: index..<index + 2)
        }
        if byte == UInt8(ascii: "'") { return JSONSyntaxError(.singleQuote, at: index..<index + 1) }
        if byte == 0xE2, remaining > 2, bytes[index + 1] == 0x80 {
            switch bytes[index + 2] {
            case 0x9C, 0x9D, 0x98, 0x99, 0x9E: return JSONSyntaxError(.curlyQuote, at: index..<index + 3)
            case 0x8B, 0x8C, 0x8D: return JSONSyntaxError(.zeroWidthCharacter, at: index..<index + 3)
            default: break
            }
        }
        if byte == 0xC2, remaining > 1, bytes[index + 1] == 0xA0 {
            return JSONSyntaxError(.nonBreakingSpace, at: index..<index + 2)
        }
        if byte == 0xEF, remaining > 2, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            return JSONSyntaxError(.byteOrderMarkInside, at: index..<index + 3)
        }
        if byte >= 0x80, UTF8Validation.sequenceLength(bytes, at: index) == nil {
            return JSONSyntaxError(.invalidUTF8(byte), at: index..<index + 1)
        }
        return nil
    }
}
