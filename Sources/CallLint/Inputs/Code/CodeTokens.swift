/// A source file cut into tokens: words, strings, numbers and symbols, with comments and blanks
/// dropped and each bracket paired with its partner. Only as much of each language is known as
/// finding a request body needs: how its strings, comments and brackets are written. One pass,
/// linear in the text, whatever it holds.
struct CodeTokens {
    struct Token {
        enum Kind: UInt8 {
            case word, number, symbol
            /// A string literal whose content is the string (after its escapes are read).
            case string
            /// A string the program fills in: a template literal with `${}`, an f-string.
            case interpolated
        }

        enum Escapes: UInt8 {
            /// Backslash escapes, as in JSON.
            case backslash
            /// None: a raw string (Python r'', Go ``, a C# raw literal, a JavaScript template).
            case none
            /// A doubled quote stands for one (C# @"").
            case doubledQuote
        }

        let kind: Kind
        let escapes: Escapes
        /// Whether a line break comes before it.
        let startsLine: Bool
        private let storedStart: Int32
        private let storedEnd: Int32
        private let storedContentStart: Int32
        private let storedContentEnd: Int32

        init(kind: Kind, range: Range<Int>, content: Range<Int>? = nil, escapes: Escapes = .backslash, startsLine: Bool)
        {
            self.kind = kind
            self.escapes = escapes
            self.startsLine = startsLine
            storedStart = Int32(truncatingIfNeeded: range.lowerBound)
            storedEnd = Int32(truncatingIfNeeded: range.upperBound)
            let content = content ?? range
            storedContentStart = Int32(truncatingIfNeeded: content.lowerBound)
            storedContentEnd = Int32(truncatingIfNeeded: content.upperBound)
        }

        var start: Int { Int(storedStart) }
        var end: Int { Int(storedEnd) }
        var range: Range<Int> { start..<end }
        /// A string's content, between its quotes.
        var content: Range<Int> { Int(storedContentStart)..<Int(storedContentEnd) }
    }

    let bytes: [UInt8]
    let lexicon: CodeLexicon
    private(set) var tokens: [Token] = []
    /// For each bracket, the index of the bracket that closes or opens it; -1 for any other
    /// token and for a bracket left unpaired.
    private(set) var partners: [Int32] = []
    private var enclosingBraces: [Int32] = []
    /// Each token's innermost enclosing bracket of any kind.
    private var enclosingBrackets: [Int32] = []
    /// Whether the text had a comment (evidence that it is code, not JSON).
    private(set) var hasComments = false

    init(_ bytes: [UInt8], lexicon: CodeLexicon) {
        self.bytes = bytes
        self.lexicon = lexicon
        bytes.withUnsafeBufferPointer { tokenize($0) }
        pairBrackets()
    }

    var count: Int { tokens.count }
    subscript(index: Int) -> Token { tokens[index] }

    /// The partner of the bracket at `index`, when it has one.
    func partner(of index: Int) -> Int? {
        guard index >= 0, index < partners.count, partners[index] >= 0 else { return nil }
        return Int(partners[index])
    }

    /// Whether the token at `index` is the symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        return equals(tokens[index].range, symbol)
    }

    /// Whether the token at `index` is the word `word`.
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
        return equals(tokens[index].range, word)
    }

    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        var offset = 0
        for index in range {
            guard bytes[index] == text.utf8Start[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// A token's text.
    func text(_ index: Int) -> String {
        String(decoding: bytes[tokens[index].range], as: UTF8.self)
    }

    /// A string token's content as written (escapes unread), for searches such as a URL's path.
    func rawContent(_ index: Int) -> ArraySlice<UInt8> { bytes[tokens[index].content] }

    // MARK: Tokenizing

    private static let symbolPairs: [(UInt8, UInt8)] = [
        (UInt8(ascii: "="), UInt8(ascii: ">")), (UInt8(ascii: ":"), UInt8(ascii: "=")),
        (UInt8(ascii: "*"), UInt8(ascii: "*")), (UInt8(ascii: "="), UInt8(ascii: "=")),
        (UInt8(ascii: "!"), UInt8(ascii: "=")), (UInt8(ascii: "?"), UInt8(ascii: ".")),
        (UInt8(ascii: "?"), UInt8(ascii: "?")), (UInt8(ascii: ":"), UInt8(ascii: ":")),
        (UInt8(ascii: "-"), UInt8(ascii: ">")), (UInt8(ascii: "&"), UInt8(ascii: "&")),
        (UInt8(ascii: "|"), UInt8(ascii: "|")), (UInt8(ascii: "<"), UInt8(ascii: "=")),
        (UInt8(ascii: ">"), UInt8(ascii: "=")), (UInt8(ascii: "+"), UInt8(ascii: "=")),
        (UInt8(ascii: "-"), UInt8(ascii: "=")), (UInt8(ascii: "<"), UInt8(ascii: "-")),
    ]

    private static let pairTable: [Bool] = {
        var table = Array(repeating: false, count: 1 << 16)
        for (first, second) in symbolPairs { table[Int(first) << 8 | Int(second)] = true }
        return table
    }()

    private static func isSymbolPair(_ first: UInt8, _ second: UInt8) -> Bool {
        pairTable[Int(first) << 8 | Int(second)]
    }

    /// Words after which a `/` starts a regular expression, not a division.
    private static let regexKeywords: Set<String> = [
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
    ]

    private mutating func tokenize(_ buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var startsLine = true
        let count = buffer.count
        tokens.reserveCapacity(count / 3)
        func at(_ offset: Int) -> UInt8 { offset < count ? buffer[offset] : 0 }
        while index < count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") {
                startsLine = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == 0x0C {
                index += 1
                continue
            }
            if byte == 0xC2, at(index + 1) == 0xA0 {  // a no-break space pasted from a web page
                index += 2
                continue
            }
            // Comments.
            let isLineComment =
                lexicon == .python
                ? byte == UInt8(ascii: "#")
                : byte == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "/")
            if isLineComment {
                hasComments = true
                while index < count, buffer[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if lexicon != .python, byte == UInt8(ascii: "/"), at(index + 1) == UInt8(ascii: "*") {
                hasComments = true
                index += 2
                while index < count, !(buffer[index] == UInt8(ascii: "*") && at(index + 1) == UInt8(ascii: "/")) {
                    if buffer[index] == UInt8(ascii: "\n") { startsLine = true }
                    index += 1
                }
                index = min(count, index + 2)
                continue
            }
            let start = index
            defer { startsLine = false }
            // Strings, with the prefixes that change how they are read.
            if let string = scanString(buffer, at: index, startsLine: startsLine) {
                tokens.append(string)
                index = string.end
                continue
            }
            if Self.isWordByte(byte) && !JSONByte.isDigit(byte) {
                while index < count, Self.isWordByte(buffer[index]) { index += 1 }
                tokens.append(Token(kind: .word, range: start..<index, startsLine: startsLine))
                continue
            }
            if JSONByte.isDigit(byte) || (byte == UInt8(ascii: ".") && JSONByte.isDigit(at(index + 1))) {
                index += 1
                while index < count {
                    let next = buffer[index]
                    if Self.isWordByte(next) || next == UInt8(ascii: ".") {
                        index += 1
                    } else if next == UInt8(ascii: "+") || next == UInt8(ascii: "-"),
                        buffer[index - 1] | 0x20 == UInt8(ascii: "e"),
                        !(buffer[start] == UInt8(ascii: "0") && at(start + 1) | 0x20 == UInt8(ascii: "x"))
                    {
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(Token(kind: .number, range: start..<index, startsLine: startsLine))
                continue
            }
            if byte == UInt8(ascii: "/"), lexicon == .javascript, startsRegularExpression() {
                index = Self.regularExpressionEnd(buffer, from: index)
                tokens.append(Token(kind: .interpolated, range: start..<index, startsLine: startsLine))
                continue
            }
            var length = 1
            if byte == UInt8(ascii: "."), at(index + 1) == UInt8(ascii: "."), at(index + 2) == UInt8(ascii: ".") {
                length = 3
            } else if byte == UInt8(ascii: "="), at(index + 1) == UInt8(ascii: "="), at(index + 2) == UInt8(ascii: "=")
            {
                length = 3
            } else if Self.isSymbolPair(byte, at(index + 1)) {
                length = 2
            }
            index += length
            tokens.append(Token(kind: .symbol, range: start..<index, startsLine: startsLine))
        }
    }

    private static func isPythonStringPrefix(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"), UInt8(ascii: "f"): return true
        default: return false
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        JSONByte.isWordStart(byte) || JSONByte.isDigit(byte) || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    private func startsRegularExpression() -> Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .number, .string, .interpolated: return false
        case .word: return Self.regexKeywords.contains(String(decoding: bytes[last.range], as: UTF8.self))
        case .symbol:
            let symbol = bytes[last.start]
            return last.range.count > 1
                || !(symbol == UInt8(ascii: ")") || symbol == UInt8(ascii: "]") || symbol == UInt8(ascii: "}"))
        }
    }

    private static func regularExpressionEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        var inClass = false
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") { return index }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { inClass = true }
            if byte == UInt8(ascii: "]") { inClass = false }
            index += 1
            if byte == UInt8(ascii: "/"), !inClass { break }
        }
        while index < buffer.count, JSONByte.isWordStart(buffer[index]) { index += 1 }
        return min(index, buffer.count)
    }

    /// The string literal that starts at `start`, with its prefix, when one does.
    private func scanString(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, startsLine: Bool) -> Token? {
        let count = buffer.count
        func at(_ offset: Int) -> UInt8 { offset < count ? buffer[offset] : 0 }
        var quoteAt = start
        var interpolated = false
        var escapes = Token.Escapes.backslash
        // Prefixes.
        switch lexicon {
        case .python:
            var prefix = start
            while prefix < start + 2, prefix < count, Self.isPythonStringPrefix(buffer[prefix]) { prefix += 1 }
            guard prefix < count, buffer[prefix] == UInt8(ascii: "\"") || buffer[prefix] == UInt8(ascii: "'") else {
                return nil
            }
            if prefix > start, start > 0, Self.isWordByte(buffer[start - 1]) { return nil }
            for offset in start..<prefix {
                let letter = buffer[offset] | 0x20
                if letter == UInt8(ascii: "f") { interpolated = true }
                if letter == UInt8(ascii: "r") { escapes = .none }
            }
            quoteAt = prefix
        case .csharp:
            var prefix = start
            while prefix < start + 2, buffer[prefix] == UInt8(ascii: "@") || buffer[prefix] == UInt8(ascii: "$") {
                if buffer[prefix] == UInt8(ascii: "@") { escapes = .doubledQuote } else { interpolated = true }
                prefix += 1
                if prefix >= count { return nil }
            }
            guard buffer[prefix] == UInt8(ascii: "\"") || (prefix == start && buffer[prefix] == UInt8(ascii: "'"))
            else { return nil }
            quoteAt = prefix
        case .javascript:
            guard [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(buffer[start]) else {
                return nil
            }
        case .java:
            guard buffer[start] == UInt8(ascii: "\"") || buffer[start] == UInt8(ascii: "'") else { return nil }
        case .go:
            guard [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(buffer[start]) else {
                return nil
            }
        }
        let quote = buffer[quoteAt]
        // Triple quotes: Python's strings, Java's text blocks, C#'s raw literals.
        if quote != UInt8(ascii: "`"), lexicon != .javascript, lexicon != .go, at(quoteAt + 1) == quote,
            at(quoteAt + 2) == quote
        {
            var run = 3
            if lexicon == .csharp { while at(quoteAt + run) == quote { run += 1 } }
            if lexicon == .csharp { escapes = .none }
            let contentStart = quoteAt + run
            var index = contentStart
            while index < count {
                if buffer[index] == UInt8(ascii: "\\"), escapes == .backslash {
                    index += 2
                    continue
                }
                if buffer[index] == quote {
                    var closing = 0
                    while closing < run, at(index + closing) == quote { closing += 1 }
                    if closing == run { break }
                    index += closing
                    continue
                }
                index += 1
            }
            let contentEnd = min(index, count)
            let end = min(count, index + run)
            return Token(
                kind: interpolated ? .interpolated : .string, range: start..<end, content: contentStart..<contentEnd,
                escapes: escapes, startsLine: startsLine)
        }
        if quote == UInt8(ascii: "`") {
            if lexicon == .go {
                var index = quoteAt + 1
                while index < count, buffer[index] != quote { index += 1 }
                return Token(
                    kind: .string, range: start..<min(count, index + 1), content: quoteAt + 1..<min(index, count),
                    escapes: .none, startsLine: startsLine)
            }
            let (end, hasSubstitution) = Self.templateEnd(buffer, from: quoteAt)
            return Token(
                kind: hasSubstitution ? .interpolated : .string, range: start..<end,
                content: quoteAt + 1..<max(quoteAt + 1, end - 1), escapes: .backslash, startsLine: startsLine)
        }
        var index = quoteAt + 1
        while index < count {
            let byte = buffer[index]
            if byte == quote {
                if escapes == .doubledQuote, at(index + 1) == quote {
                    index += 2
                    continue
                }
                break
            }
            if byte == UInt8(ascii: "\\"), escapes != .doubledQuote {
                // A raw string still ends only at an unescaped quote.
                index += 2
                continue
            }
            // A string does not run past its line (C#'s verbatim strings excepted).
            if byte == UInt8(ascii: "\n"), escapes != .doubledQuote { break }
            index += 1
        }
        index = min(index, count)
        let closed = index < count && buffer[index] == quote
        if interpolated, lexicon == .csharp || lexicon == .python,
            !buffer[(quoteAt + 1)..<index].contains(UInt8(ascii: "{"))
        {
            interpolated = false
        }
        return Token(
            kind: interpolated ? .interpolated : .string, range: start..<(closed ? index + 1 : index),
            content: quoteAt + 1..<index, escapes: escapes, startsLine: startsLine)
    }

    /// The end of a JavaScript template literal that opens at `start`, and whether it has a
    /// `${}` substitution. Substitutions may hold strings and templates of their own: a stack
    /// of brace depths, not recursion, so that no nesting overflows.
    private static func templateEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool) {
        var index = start + 1
        var hasSubstitution = false
        // Each open template's brace depth in its current substitution; -1 outside one.
        var depths: [Int] = [-1]
        while index < buffer.count, !depths.isEmpty {
            let byte = buffer[index]
            if depths[depths.count - 1] < 0 {
                // In a template's text.
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "`") {
                    depths.removeLast()
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "$"), index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "{") {
                    hasSubstitution = true
                    depths[depths.count - 1] = 0
                    index += 2
                    continue
                }
                index += 1
                continue
            }
            // In a substitution's code.
            switch byte {
            case UInt8(ascii: "{"): depths[depths.count - 1] += 1
            case UInt8(ascii: "}"):
                if depths[depths.count - 1] == 0 {
                    depths[depths.count - 1] = -1
                } else {
                    depths[depths.count - 1] -= 1
                }
            case UInt8(ascii: "`"):
                depths.append(-1)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                var end = index + 1
                while end < buffer.count, buffer[end] != byte, buffer[end] != UInt8(ascii: "\n") {
                    if buffer[end] == UInt8(ascii: "\\") { end += 1 }
                    end += 1
                }
                index = end
            default: break
            }
            index += 1
        }
        return (min(index, buffer.count), hasSubstitution)
    }

    private mutating func pairBrackets() {
        partners = Array(repeating: -1, count: tokens.count)
        var open: [Int] = []
        for index in tokens.indices where tokens[index].kind == .symbol && tokens[index].range.count == 1 {
            let byte = bytes[tokens[index].start]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(index)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let opener: UInt8 =
                    byte == UInt8(ascii: ")")
                    ? UInt8(ascii: "(") : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                // A stray closer is passed over; an opener left open is dropped until one matches.
                // Looked for among the innermost few only, so that stray brackets cost linear time.
                var probe = open.count - 1
                while probe >= 0, probe >= open.count - 64, bytes[tokens[open[probe]].start] != opener { probe -= 1 }
                guard probe >= 0, probe >= open.count - 64 else { continue }
                let match = probe
                partners[open[match]] = Int32(index)
                partners[index] = Int32(open[match])
                open.removeSubrange(match...)
            default: break
            }
        }
        // Each token's innermost enclosing brace, and bracket, that closes.
        enclosingBraces = Array(repeating: -1, count: tokens.count)
        enclosingBrackets = Array(repeating: -1, count: tokens.count)
        var braces: [Int] = []
        var brackets: [Int] = []
        for index in tokens.indices {
            if let last = braces.last, partners[last] == Int32(index) { braces.removeLast() }
            if let last = brackets.last, partners[last] == Int32(index) { brackets.removeLast() }
            enclosingBraces[index] = Int32(braces.last ?? -1)
            enclosingBrackets[index] = Int32(brackets.last ?? -1)
            if partners[index] > Int32(index) {
                brackets.append(index)
                if bytes[tokens[index].start] == UInt8(ascii: "{") { braces.append(index) }
            }
        }
    }

    /// The innermost bracket of any kind around the token at `index`.
    func enclosingBracket(of index: Int) -> Int? {
        enclosingBrackets[index] >= 0 ? Int(enclosingBrackets[index]) : nil
    }

    /// The innermost `{` around the token at `index` (its block), or nil at the top level.
    func enclosingBrace(of index: Int) -> Int? {
        enclosingBraces[index] >= 0 ? Int(enclosingBraces[index]) : nil
    }
}
