/// The rules of one `.gitignore`, read as git reads them: blank lines and `#` comments, `!` to
/// take a path back, a trailing `/` for folders only, a `/` at the start or in the middle to
/// anchor the pattern at the file's folder (otherwise it matches a name at any depth), `*`,
/// `?`, `[...]` classes, `**`, backslash escapes, trailing spaces dropped unless escaped, CR LF
/// line ends and a UTF-8 byte-order mark. Not read: `.git/info/exclude` and `core.excludesFile`.
///
/// Compiled once per file into a matcher whose cost for a path does not grow with the number
/// of plain rules: names, whole paths, `*.ext` suffixes and `name*` prefixes are looked up in
/// tables; only the other patterns are tried one by one.
struct GitIgnore {
    struct Rule {
        let pattern: GitIgnorePattern
        let negated: Bool
        let foldersOnly: Bool
    }

    /// The folder the file is in; its rules match paths relative to it.
    let folder: String
    let rules: [Rule]
    private let index: GitIgnoreIndex

    init(folder: String, text: String) {
        self.init(folder: folder, bytes: Array(text.utf8))
    }

    init(folder: String, bytes: [UInt8]) {
        self.folder = folder
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        var rules: [Rule] = []
        for rawLine in content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            line = Self.trimmingTrailingSpaces(line)
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let negated = first == UInt8(ascii: "!")
            if negated { line = line.dropFirst() }
            let foldersOnly = line.last == UInt8(ascii: "/")
            while line.last == UInt8(ascii: "/") { line = line.dropLast() }
            guard !line.isEmpty, let pattern = GitIgnorePattern(line) else { continue }
            rules.append(Rule(pattern: pattern, negated: negated, foldersOnly: foldersOnly))
        }
        self.rules = rules
        index = GitIgnoreIndex(rules)
    }

    /// Trailing spaces are dropped, but not one escaped with a backslash (`name\ `).
    static func trimmingTrailingSpaces(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") {
            if end - 1 > line.startIndex, line[end - 2] == UInt8(ascii: "\\") { break }
            end -= 1
        }
        return line[line.startIndex..<end]
    }

    /// Whether the rules say ignore (true), keep (false, a `!` rule), or nothing (nil): the
    /// last rule that matches decides, as in git.
    func verdict(relativePath path: String, isFolder: Bool) -> Bool? {
        let bytes = Array(path.utf8)
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[($0 + 1)...] } ?? bytes[...]
        guard let rule = index.lastMatch(path: bytes, name: name, isFolder: isFolder, rules: rules) else { return nil }
        return !rules[rule].negated
    }
}

/// Where a `.gitignore`'s rules are looked up: the highest-numbered rule that matches, found
/// through tables for plain patterns and by trying the rest from the last one back.
struct GitIgnoreIndex {
    /// The last rule of each kind for a key: any entry, and folders only.
    struct Last {
        var any = -1
        var folders = -1

        mutating func add(_ rule: Int, foldersOnly: Bool) {
            if foldersOnly { folders = max(folders, rule) } else { any = max(any, rule) }
        }

        func best(isFolder: Bool) -> Int { isFolder ? max(any, folders) : any }
    }

    private var names: [ArraySlice<UInt8>: Last] = [:]
    private var paths: [ArraySlice<UInt8>: Last] = [:]
    private var suffixes: [ArraySlice<UInt8>: Last] = [:]
    private var prefixes: [ArraySlice<UInt8>: Last] = [:]
    private var suffixLengths: [Int] = []
    private var prefixLengths: [Int] = []
    /// The rules no table holds, highest first.
    private var others: [Int] = []

    init(_ rules: [GitIgnore.Rule]) {
        var suffixLengths: Set<Int> = []
        var prefixLengths: Set<Int> = []
        for (number, rule) in rules.enumerated() {
            let only = rule.foldersOnly
            switch rule.pattern.plainForm {
            case .name(let name): names[name, default: Last()].add(number, foldersOnly: only)
            case .path(let path): paths[path, default: Last()].add(number, foldersOnly: only)
            case .suffix(let suffix):
                suffixes[suffix, default: Last()].add(number, foldersOnly: only)
                suffixLengths.insert(suffix.count)
            case .prefix(let prefix):
                prefixes[prefix, default: Last()].add(number, foldersOnly: only)
                prefixLengths.insert(prefix.count)
            case nil: others.append(number)
            }
        }
        self.suffixLengths = suffixLengths.sorted()
        self.prefixLengths = prefixLengths.sorted()
        others.reverse()
    }

    func lastMatch(path: [UInt8], name: ArraySlice<UInt8>, isFolder: Bool, rules: [GitIgnore.Rule]) -> Int? {
        var best = -1
        if let last = names[name] { best = max(best, last.best(isFolder: isFolder)) }
        if let last = paths[path[...]] { best = max(best, last.best(isFolder: isFolder)) }
        for length in suffixLengths {
            guard length <= name.count else { break }
            if let last = suffixes[name.suffix(length)] { best = max(best, last.best(isFolder: isFolder)) }
        }
        for length in prefixLengths {
            guard length <= name.count else { break }
            if let last = prefixes[name.prefix(length)] { best = max(best, last.best(isFolder: isFolder)) }
        }
        for number in others {
            guard number > best else { break }
            let rule = rules[number]
            if rule.foldersOnly && !isFolder { continue }
            if rule.pattern.matches(path: path, name: name) {
                best = number
                break
            }
        }
        return best >= 0 ? best : nil
    }
}

/// One pattern of a `.gitignore` line (without its `!` and trailing `/`), as git's wildmatch
/// reads it: segments between slashes, each a run of literal bytes, `?`, `*` and `[...]`
/// classes; a segment that is `**` alone stands for any number of folders. Matched on bytes,
/// as git matches.
struct GitIgnorePattern {
    enum Token: Equatable {
        case byte(UInt8)
        /// `?`: one byte.
        case one
        /// `*`: any run of bytes in one segment.
        case many
        /// `[...]`: one byte in (or, negated, not in) the set.
        case set([Bool], negated: Bool)
    }

    enum Segment {
        case tokens([Token])
        /// `**`.
        case anyFolders
    }

    /// A pattern a table can hold: a literal name, a literal path, `*` then a literal, or a
    /// literal then `*`.
    enum PlainForm {
        case name(ArraySlice<UInt8>)
        case path(ArraySlice<UInt8>)
        case suffix(ArraySlice<UInt8>)
        case prefix(ArraySlice<UInt8>)
    }

    let segments: [Segment]
    /// A pattern with a slash is matched against the path from the `.gitignore`'s folder;
    /// one without, against the entry's name at any depth.
    let anchored: Bool
    let plainForm: PlainForm?

    /// Nil for a pattern that matches nothing (an unclosed class).
    init?(_ text: ArraySlice<UInt8>) {
        var text = text
        anchored = text.contains(UInt8(ascii: "/"))
        while text.first == UInt8(ascii: "/") { text = text.dropFirst() }
        var segments: [Segment] = []
        for part in Self.splitSegments(text) {
            if part.elementsEqual("**".utf8) {
                // `a/**/**/b` is `a/**/b`.
                if case .anyFolders? = segments.last { continue }
                segments.append(.anyFolders)
                continue
            }
            guard let tokens = Self.tokens(part) else { return nil }
            segments.append(.tokens(tokens))
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
        plainForm = Self.plainForm(segments, anchored: anchored)
    }

    static func plainForm(_ segments: [Segment], anchored: Bool) -> PlainForm? {
        func literal(_ tokens: ArraySlice<Token>) -> [UInt8]? {
            var bytes: [UInt8] = []
            for token in tokens {
                guard case .byte(let byte) = token else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
        if anchored {
            var path: [UInt8] = []
            for segment in segments {
                guard case .tokens(let tokens) = segment, let bytes = literal(tokens[...]) else { return nil }
                if !path.isEmpty { path.append(UInt8(ascii: "/")) }
                path += bytes
            }
            return .path(path[...])
        }
        guard segments.count == 1, case .tokens(let tokens) = segments[0] else { return nil }
        if let name = literal(tokens[...]) { return .name(name[...]) }
        if tokens.first == .many, let suffix = literal(tokens.dropFirst()), !suffix.isEmpty {
            return .suffix(suffix[...])
        }
        if tokens.last == .many, let prefix = literal(tokens.dropLast()), !prefix.isEmpty {
            return .prefix(prefix[...])
        }
        return nil
    }

    /// The parts between unescaped slashes.
    static func splitSegments(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "\\") {
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

    static func tokens(_ part: ArraySlice<UInt8>) -> [Token]? {
        var tokens: [Token] = []
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            switch byte {
            case UInt8(ascii: "\\"):
                // An escaped byte is itself; a backslash at the end matches nothing.
                guard index + 1 < part.endIndex else { return nil }
                tokens.append(.byte(part[index + 1]))
                index += 2
            case UInt8(ascii: "?"):
                tokens.append(.one)
                index += 1
            case UInt8(ascii: "*"):
                // Runs of stars inside a segment are one star.
                if tokens.last != .many { tokens.append(.many) }
                index += 1
            case UInt8(ascii: "["):
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
        var members = [Bool](repeating: false, count: 256)
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
                let close = Self.find([UInt8(ascii: ":"), UInt8(ascii: "]")], in: part, from: index + 2)
            {
                let name = String(decoding: part[(index + 2)..<close], as: UTF8.self)
                for value in 0..<256 where Self.inClass(name, UInt8(value)) { members[value] = true }
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
                if byte <= upper { for value in byte...upper { members[Int(value)] = true } }
                index = next
                continue
            }
            members[Int(byte)] = true
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

    /// - Parameters:
    ///   - path: the entry's path from the `.gitignore`'s folder.
    ///   - name: its last segment.
    func matches(path: [UInt8], name: ArraySlice<UInt8>) -> Bool {
        if !anchored {
            guard case .tokens(let tokens) = segments[0] else { return true }
            return Self.matchSegment(tokens, name)
        }
        let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        return matchSegments(parts)
    }

    /// Segments against path parts, by a table of which pattern suffixes match which path
    /// suffixes: time is the product of the two counts however many `**` there are. A `**`
    /// at the end stands for one folder or more (`a/**` is what is inside `a`, not `a`);
    /// elsewhere, for none or more.
    func matchSegments(_ parts: [ArraySlice<UInt8>]) -> Bool {
        let width = parts.count + 1
        var table = [Bool](repeating: false, count: (segments.count + 1) * width)
        table[segments.count * width + parts.count] = true
        for i in stride(from: segments.count - 1, through: 0, by: -1) {
            for j in stride(from: parts.count, through: 0, by: -1) {
                switch segments[i] {
                case .anyFolders:
                    let last = i == segments.count - 1
                    let none = !last && table[(i + 1) * width + j]
                    let more = j < parts.count && (table[i * width + j + 1] || table[(i + 1) * width + j + 1])
                    table[i * width + j] = none || more
                case .tokens(let tokens):
                    table[i * width + j] =
                        j < parts.count && table[(i + 1) * width + j + 1] && Self.matchSegment(tokens, parts[j])
                }
            }
        }
        return table[0]
    }

    /// Wildcards against one segment, going back to the last `*` on a mismatch: with `*` the
    /// only token of variable length, that finds a match whenever there is one.
    static func matchSegment(_ tokens: [Token], _ text: ArraySlice<UInt8>) -> Bool {
        var token = 0
        var position = text.startIndex
        var star: Int?
        var starPosition = position
        while position < text.endIndex {
            if token < tokens.count, tokens[token] != .many, Self.accepts(tokens[token], text[position]) {
                token += 1
                position += 1
            } else if token < tokens.count, tokens[token] == .many {
                star = token
                starPosition = position
                token += 1
            } else if let star {
                token = star + 1
                starPosition += 1
                position = starPosition
            } else {
                return false
            }
        }
        while token < tokens.count, tokens[token] == .many { token += 1 }
        return token == tokens.count
    }

    static func accepts(_ token: Token, _ byte: UInt8) -> Bool {
        switch token {
        case .byte(let expected): return byte == expected
        case .one: return true
        case .many: return true
        case .set(let members, let negated): return members[Int(byte)] != negated
        }
    }
}
