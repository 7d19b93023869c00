/// The scanner behind JSONParser: one pass over the bytes, an explicit stack of open
/// containers, nodes appended in document order. What it found wrong is explained in
/// JSONScanner+Errors.swift.
enum JSONByte {
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
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }
    static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) || byte == minus }
}

struct OpenContainer {
    let node: Int32
    var lastChild: Int32
    let isObject: Bool
}

struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let maxDepth: Int
    /// Levels already open around the value scanned (an element of an `--array`): counted
    /// toward the limit, and in what the error says.
    var enclosingDepth = 0
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
        // A request body is two or three levels deep: room for them at once, not grown level by level.
        stack.reserveCapacity(8)
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count, JSONByte.isWhitespace(bytes[position]) { position += 1 }
    }

    // MARK: Document

    /// Scans the document that runs from `start` to the end of `bytes`.
    mutating func scanDocument(from start: Int = 0) throws(JSONSyntaxError) {
        try checkEncodingPreamble(at: start)
        position = start
        skipWhitespace()
        if atEnd {
            throw bytes.count == start
                ? JSONSyntaxError(.emptyInput, at: start..<start)
                : JSONSyntaxError(.onlyWhitespace, at: bytes.count..<bytes.count)
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
        if count >= 2, (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0), bytes[0] < 0x80,
            bytes[1] < 0x80
        {
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
            case JSONByte.openBrace, JSONByte.openBracket:
                let isObject = byte == JSONByte.openBrace
                if isObject, start + 1 < bytes.count, bytes[start + 1] == JSONByte.openBrace {
                    throw unexpected(at: start, expecting: .value)  // an unquoted {{placeholder}}
                }
                guard enclosingDepth + stack.count < maxDepth else {
                    throw JSONSyntaxError(.tooDeep(limit: maxDepth), at: start..<start + 1)
                }
                let node = addNode(isObject ? .object : .array, start: start, end: start + 1, escapes: false)
                stack.append(OpenContainer(node: node, lastChild: -1, isObject: isObject))
                position += 1
                skipWhitespace()
                let close = isObject ? JSONByte.closeBrace : JSONByte.closeBracket
                if !atEnd, bytes[position] == close {
                    return  // empty container: scanAfterValue closes it
                }
                if isObject {
                    try scanKey()
                }
                continue  // scan the first element or member value
            case JSONByte.quote:
                let (end, escapes) = try scanString(from: start)
                _ = addNode(.string, start: start, end: end, escapes: escapes)
                position = end
                return
            case JSONByte.minus, JSONByte.zero...JSONByte.nine:
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
            let close = top.isObject ? JSONByte.closeBrace : JSONByte.closeBracket
            if byte == close {
                nodes[Int(top.node)].end = Int32(position + 1)
                stack.removeLast()
                position += 1
                continue
            }
            if byte == JSONByte.comma {
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
        guard bytes[start] == JSONByte.quote else { throw unexpected(at: start, expecting: .key) }
        let (end, escapes) = try scanString(from: start)
        position = end
        skipWhitespace()
        guard !atEnd else { throw unexpectedEnd() }
        guard bytes[position] == JSONByte.colon else {
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
            return after == bytes.count || !JSONByte.isWordByte(bytes[after])
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
                if byte == JSONByte.quote || byte == JSONByte.backslash || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            guard index < count else {
                throw JSONSyntaxError(.unclosedString, at: start..<start + 1)
            }
            let byte = bytes[index]
            if byte == JSONByte.quote { return (index + 1, escapes) }
            if byte == JSONByte.backslash {
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
        case JSONByte.quote, JSONByte.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            let unit = try unicodeEscape(at: index)
            if (0xDC00...0xDFFF).contains(unit) {
                throw loneSurrogate(unit, at: index)
            }
            if (0xD800...0xDBFF).contains(unit) {
                let next = index + 6
                if next + 1 < bytes.count, bytes[next] == JSONByte.backslash, bytes[next + 1] == UInt8(ascii: "u") {
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
        if bytes[index] == JSONByte.minus {
            index += 1
            guard index < count, JSONByte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.minusWithoutDigit, at: start..<index)
            }
        }
        if bytes[index] == JSONByte.zero {
            index += 1
            if index < count, JSONByte.isDigit(bytes[index]) {
                var end = index
                while end < count, JSONByte.isDigit(bytes[end]) { end += 1 }
                throw JSONSyntaxError(.leadingZero, at: start..<end)
            }
        } else {
            while index < count, JSONByte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == JSONByte.dot {
            index += 1
            guard index < count, JSONByte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.decimalPointWithoutDigit, at: start..<index)
            }
            while index < count, JSONByte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == JSONByte.plus || bytes[index] == JSONByte.minus { index += 1 }
            guard index < count, JSONByte.isDigit(bytes[index]) else {
                throw JSONSyntaxError(.exponentWithoutDigits, at: start..<index)
            }
            while index < count, JSONByte.isDigit(bytes[index]) { index += 1 }
        }
        if index < count {
            let next = bytes[index]
            if !(JSONByte.isWhitespace(next) || next == JSONByte.comma || next == JSONByte.closeBrace
                || next == JSONByte.closeBracket)
            {
                var end = index
                while end < count, !JSONByte.isWhitespace(bytes[end]), bytes[end] != JSONByte.comma,
                    bytes[end] != JSONByte.closeBrace,
                    bytes[end] != JSONByte.closeBracket
                {
                    end += 1
                }
                throw JSONSyntaxError(.unexpectedInNumber(number: start..<end), at: index..<index + 1)
            }
        }
        return index
    }
}
