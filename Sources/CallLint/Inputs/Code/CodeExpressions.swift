/// Reading a program's expressions on its tokens: where one ends, the members of a literal, the
/// arguments of a call, the names a program binds. Brackets are jumped by their partners, so
/// each question costs the length of its answer.
extension CodeTokens {
    /// The end (exclusive) of the expression that starts at `start`: before a `,` or `;` outside
    /// brackets, a bracket that closes an enclosing one, or the line break that ends a statement.
    func expressionEnd(from start: Int, stopAtColon: Bool = false) -> Int {
        var index = start
        while index < count {
            let token = tokens[index]
            if index > start, token.startsLine, endsStatement(before: index) { return index }
            if token.kind == .symbol, token.range.count == 1 {
                switch bytes[token.start] {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    return index
                case UInt8(ascii: ":") where stopAtColon:
                    return index
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    guard let close = partner(of: index) else { return count }
                    index = close + 1
                    continue
                default: break
                }
            }
            index += 1
        }
        return count
    }

    /// Whether the line break before the token at `index` ends a statement: not when the line
    /// before ends in an operator or the new line starts with one (a chained call, `? :`).
    func endsStatement(before index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.kind == .symbol, Self.continuesLine(bytes[previous.range]) { return false }
        let token = tokens[index]
        if token.kind == .symbol, Self.startsContinuation(bytes[token.range]) { return false }
        return true
    }

    private static let continuing: [[UInt8]] = [
        ".", ",", "(", "[", "{", "=", "+", "-", "*", "/", "%", "?", ":", "&&", "||", "??", "=>", "|", "&", "<", ">",
        "==", "===", "!=", "<=", ">=", "+=", "-=", ":=", "!", "**", "->",
    ].map { Array($0.utf8) }
    private static let continuationStarts: [[UInt8]] = [
        ".", "?.", "+", "*", "/", "?", ":", "&&", "||", "??", "=>", "|", "&", "==", "===", "!=",
    ].map { Array($0.utf8) }

    static func continuesLine(_ symbol: ArraySlice<UInt8>) -> Bool { continuing.contains { symbol.elementsEqual($0) } }
    static func startsContinuation(_ symbol: ArraySlice<UInt8>) -> Bool {
        continuationStarts.contains { symbol.elementsEqual($0) }
    }

    /// The comma-separated parts between the bracket at `open` and its partner, as token ranges;
    /// an empty part (a trailing comma) is left out.
    func parts(of open: Int) -> [Range<Int>] {
        guard let close = partner(of: open) else { return [] }
        var parts: [Range<Int>] = []
        var start = open + 1
        var index = open + 1
        while index < close {
            if isOpeningBracket(index), let partner = partner(of: index) {
                index = partner + 1
                continue
            }
            if isSymbol(index, ",") || isSymbol(index, ";") {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            index += 1
        }
        if close > start { parts.append(start..<close) }
        return parts
    }

    func isOpeningBracket(_ index: Int) -> Bool {
        guard tokens[index].kind == .symbol, tokens[index].range.count == 1 else { return false }
        let byte = bytes[tokens[index].start]
        return byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }

    /// Whether the tokens `range` are one bracketed group opening with `open`.
    func isGroup(_ range: Range<Int>, opening open: StaticString) -> Bool {
        !range.isEmpty && isSymbol(range.lowerBound, open) && partner(of: range.lowerBound) == range.upperBound - 1
    }

    /// The first token of a part `name: value` or `name = value` that is the value, when the
    /// part starts with a name (or a quoted name) and that separator.
    func namedValue(in part: Range<Int>, separators: [StaticString]) -> (name: Int, value: Range<Int>)? {
        guard part.count >= 3, tokens[part.lowerBound].kind == .word || tokens[part.lowerBound].kind == .string
        else { return nil }
        for separator in separators where isSymbol(part.lowerBound + 1, separator) {
            return (part.lowerBound, (part.lowerBound + 2)..<part.upperBound)
        }
        return nil
    }

    /// A name in the form that compares SDK method names across languages: lowercased, with
    /// no underscores (`post_conversations_calls`, `PostConversationsCalls`).
    func foldedName(_ index: Int) -> String {
        var folded = ""
        for byte in bytes[tokens[index].range] where byte != UInt8(ascii: "_") {
            folded.unicodeScalars.append(UnicodeScalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
        }
        return folded
    }

    /// Whether a string token's content names the calls endpoint, or another Platform API path.
    func pathKind(_ index: Int) -> PathKind? {
        let token = tokens[index]
        guard token.kind == .string || token.kind == .interpolated else { return nil }
        let content = bytes[token.content]
        // Most strings are no path at all: told by their lack of a slash, without a copy.
        guard content.contains(UInt8(ascii: "/")) else { return nil }
        if let found = Self.firstOffset(of: Self.apiPrefix, in: content) {
            let url = String(decoding: content[found...], as: UTF8.self)
            return BodyContainers.isCallsEndpoint(url) ? .calls : .other
        }
        // A wrapper that adds the prefix: `apiFetch('/conversations/calls', …)` (another API's
        // `/v1/conversations/calls` is not this one).
        if let found = Self.firstOffset(of: Self.callsPath, in: content), found == content.startIndex {
            let url = "/api/v2" + String(decoding: content[found...], as: UTF8.self)
            return BodyContainers.isCallsEndpoint(url) ? .calls : .other
        }
        // Another API's URL or path: `${origin}/api/notifications`, `https://host/bookings`.
        var path = content
        if token.kind == .interpolated, let brace = content.lastIndex(of: UInt8(ascii: "}")) {
            path = content[(brace + 1)...]
        }
        guard !path.contains(UInt8(ascii: " ")), path.count < 2048 else { return nil }
        if let first = path.first, first == UInt8(ascii: "/"), path.count > 1,
            JSONByte.isWordStart(path[path.startIndex + 1])
        {
            return .other
        }
        if Self.firstOffset(of: Self.platformPrefix, in: path) != nil { return .other }
        // A URL with a path of its own on a host (`https://example.com/api/bookings`).
        guard let scheme = Self.firstOffset(of: Self.schemeSeparator, in: path) else { return nil }
        let host = path[(scheme + 3)...]
        guard let slash = host.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return host[(slash + 1)...].contains(where: JSONByte.isWordStart) ? .other : nil
    }

    private static let platformPrefix = Array("api/v2/".utf8)
    private static let schemeSeparator = Array("://".utf8)

    private static let callsPath = Array("/conversations/calls".utf8)

    enum PathKind { case calls, other }

    private static let apiPrefix = Array("/api/v2/".utf8)

    static func firstOffset(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
