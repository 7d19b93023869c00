/// A path pattern of `*`, `?`, `**` and, where the syntax has them, `[...]` classes and
/// backslash escapes: the configuration's globs (GlobPattern) and `.gitignore` rules are both
/// compiled to this, and matched on the path's bytes without building anything per path.
public struct WildcardPattern: Sendable {
    public enum Token: Sendable, Equatable {
        case byte(UInt8)
        /// `?`: one character (or, as git matches, one byte).
        case one
        /// `*`: any run within one segment.
        case many
        /// `[...]`: one byte in (or, negated, not in) the set.
        case set(ByteSet, negated: Bool)
    }

    public enum Segment: Sendable {
        case tokens([Token])
        /// `**` alone between slashes: any number of folders.
        case anyFolders
    }

    /// 256 bits, one per byte value.
    public struct ByteSet: Sendable, Equatable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        public static func == (a: ByteSet, b: ByteSet) -> Bool { a.words == b.words }

        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            case 2: return words.2 & bit != 0
            default: return words.3 & bit != 0
            }
        }
    }

    /// How a syntax reads the pattern.
    public struct Syntax: Sendable {
        /// `[...]` classes and backslash escapes, as `.gitignore` has them.
        let classesAndEscapes: Bool
        /// `?` takes a whole UTF-8 character rather than a byte.
        let characterWise: Bool
        /// A `**` at the end stands for one folder or more (`a/**` is what is inside `a`), as
        /// in git; otherwise for none or more.
        let trailingAnyFoldersNeedsOne: Bool

        public static let glob = Syntax(
            classesAndEscapes: false, characterWise: true, trailingAnyFoldersNeedsOne: false)
        public static let gitIgnore = Syntax(
            classesAndEscapes: true, characterWise: false, trailingAnyFoldersNeedsOne: true)
    }

    public let segments: [Segment]
    let syntax: Syntax

    /// Nil for a pattern that matches nothing (an unclosed class, a trailing backslash).
    public init?(_ text: ArraySlice<UInt8>, syntax: Syntax) {
        self.syntax = syntax
        var segments: [Segment] = []
        for part in Self.splitSegments(text, escapes: syntax.classesAndEscapes) {
            if part.elementsEqual("**".utf8) {
                // `a/**/**/b` is `a/**/b`.
                if case .anyFolders? = segments.last { continue }
                segments.append(.anyFolders)
                continue
            }
            guard let tokens = Self.tokens(part, syntax: syntax) else { return nil }
            segments.append(.tokens(tokens))
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    /// The parts between slashes (with escapes, not an escaped one).
    static func splitSegments(_ text: ArraySlice<UInt8>, escapes: Bool) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if escapes, text[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if text[index] == UInt8(ascii: "/") {
                if index > start { parts.append(text[start..<index]) }
                start = index + 1
            }
            index += 1
        }
        if start < text.endIndex { parts.append(text[start..<text.endIndex]) }
        return parts
    }

    static func tokens(_ part: ArraySlice<UInt8>, syntax: Syntax) -> [Token]? {
        var tokens: [Token] = []
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            switch byte {
            case UInt8(ascii: "\\") where syntax.classesAndEscapes:
                // An escaped byte is itself; a backslash at the end matches nothing.
                guard index + 1 < part.endIndex else { return nil }
                tokens.append(.byte(part[index + 1]))
                index += 2
            case UInt8(ascii: "?"):
                tokens.append(.one)
                index += 1
            case UInt8(ascii: "*"):
                // A run of stars inside a segment is one star.
                if tokens.last != .many { tokens.append(.many) }
                index += 1
            case UInt8(ascii: "[") where syntax.classesAndEscapes:
                guard let (set, end) = Self.set(part, from: index) else { return nil }
                tokens.append(set)
                index = end
            default:
                tokens.append(.byte(byte))
                index += 1
            }
        }
        return tokens
    }

    /// A `[...]` class from its `[`: `!` or `^` first negates, `]` first is a member, `a-z` a
    /// range, `\x` the byte x, `[:alpha:]` and the other POSIX names. Returns the token and the
    /// index after the `]`, or nil when it is not closed.
    static func set(_ part: ArraySlice<UInt8>, from open: Int) -> (Token, Int)? {
        var members = ByteSet()
        var index = open + 1
        var negated = false
        if index < part.endIndex, part[index] == UInt8(ascii: "!") || part[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var first = true
        while index < part.endIndex {
            var byte = part[index]
            if byte == UInt8(ascii: "]"), !first { return (.set(members, negated: negated), index + 1) }
            first = false
            if byte == UInt8(ascii: "["), index + 1 < part.endIndex, part[index + 1] == UInt8(ascii: ":"),
                let close = find([UInt8(ascii: ":"), UInt8(ascii: "]")], in: part, from: index + 2)
            {
                let name = String(decoding: part[(index + 2)..<close], as: UTF8.self)
                for value in 0...255 where inClass(name, UInt8(value)) { members.insert(UInt8(value)) }
                index = close + 2
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < part.endIndex {
                index += 1
                byte = part[index]
            }
            if index + 2 < part.endIndex, part[index + 1] == UInt8(ascii: "-"), part[index + 2] != UInt8(ascii: "]") {
                var upper = part[index + 2]
                var next = index + 3
                if upper == UInt8(ascii: "\\"), index + 3 < part.endIndex {
                    upper = part[index + 3]
                    next = index + 4
                }
                if byte <= upper { for value in byte...upper { members.insert(value) } }
                index = next
                continue
            }
            members.insert(byte)
            index += 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in part: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= part.endIndex {
            if part[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func inClass(_ name: String, _ byte: UInt8) -> Bool {
        let upper = byte >= 0x41 && byte <= 0x5A
        let lower = byte >= 0x61 && byte <= 0x7A
        let digit = byte >= 0x30 && byte <= 0x39
        switch name {
        case "alpha": return upper || lower
        case "digit": return digit
        case "alnum": return upper || lower || digit
        case "upper": return upper
        case "lower": return lower
        case "space": return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        case "blank": return byte == 0x20 || byte == 0x09
        case "punct": return byte > 0x20 && byte < 0x7F && !(upper || lower || digit)
        case "xdigit": return digit || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        case "cntrl": return byte < 0x20 || byte == 0x7F
        case "print": return byte >= 0x20 && byte < 0x7F
        case "graph": return byte > 0x20 && byte < 0x7F
        default: return false
        }
    }

    /// The segments against a path's parts, by a table of which pattern suffixes match which
    /// path suffixes: time is the product of the two counts however many `**` there are
    /// (trying each way a `**` can stretch, one after another, takes exponential time).
    public func matches(parts: [ArraySlice<UInt8>]) -> Bool {
        let width = parts.count + 1
        // On the stack for the usual few segments: this runs once per rule tried on a path.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: (segments.count + 1) * width) { table in
            table.initialize(repeating: false)
            return matches(parts: parts, table: table)
        }
    }

    private func matches(parts: [ArraySlice<UInt8>], table: UnsafeMutableBufferPointer<Bool>) -> Bool {
        let width = parts.count + 1
        table[segments.count * width + parts.count] = true
        for i in stride(from: segments.count - 1, through: 0, by: -1) {
            for j in stride(from: parts.count, through: 0, by: -1) {
                switch segments[i] {
                case .anyFolders:
                    let needsOne = syntax.trailingAnyFoldersNeedsOne && i == segments.count - 1
                    let none = !needsOne && table[(i + 1) * width + j]
                    let more = j < parts.count && (table[i * width + j + 1] || table[(i + 1) * width + j + 1])
                    table[i * width + j] = none || more
                case .tokens(let tokens):
                    table[i * width + j] =
                        j < parts.count && table[(i + 1) * width + j + 1] && matches(tokens, parts[j])
                }
            }
        }
        return table[0]
    }

    /// Wildcards against one segment, going back to the last `*` on a mismatch: with `*` the
    /// only token of variable length, that finds a match whenever there is one.
    public func matches(_ tokens: [Token], _ text: ArraySlice<UInt8>) -> Bool {
        var token = 0
        var position = text.startIndex
        var star: Int?
        var starPosition = position
        while position < text.endIndex {
            if token < tokens.count, tokens[token] != .many, let next = step(tokens[token], text, position) {
                token += 1
                position = next
            } else if token < tokens.count, tokens[token] == .many {
                star = token
                starPosition = position
                token += 1
            } else if let star {
                token = star + 1
                starPosition = characterEnd(text, starPosition)
                position = starPosition
            } else {
                return false
            }
        }
        while token < tokens.count, tokens[token] == .many { token += 1 }
        return token == tokens.count
    }

    /// Where a token that takes one byte or character ends, from `position`; nil when it does
    /// not match there.
    func step(_ token: Token, _ text: ArraySlice<UInt8>, _ position: Int) -> Int? {
        switch token {
        case .byte(let expected): return text[position] == expected ? position + 1 : nil
        case .one: return characterEnd(text, position)
        case .many: return position
        case .set(let members, let negated): return members.contains(text[position]) != negated ? position + 1 : nil
        }
    }

    /// One past the character at `position`: its continuation bytes too, when characters count.
    func characterEnd(_ text: ArraySlice<UInt8>, _ position: Int) -> Int {
        var end = position + 1
        guard syntax.characterWise else { return end }
        while end < text.endIndex, text[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
