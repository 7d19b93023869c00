import CallLint

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

/// Where a `.gitignore`'s rules are looked up: the highest-numbered rule that matches. Plain
/// patterns are found in tables; a pattern with wildcards is tried only on paths that have the
/// literal part it needs (a segment such as `logs` in `logs/**/*.json`, or a name's literal
/// start or end such as `file_` in `file_[0-9].json`), so a path is tried against few of them.
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

    /// Keys of one kind with the lengths they come in, so that a name is cut into candidate
    /// keys once per length, not once per rule.
    struct Keyed<Value> {
        var table: [ArraySlice<UInt8>: Value] = [:]
        var lengths: [Int] = []

        mutating func update(_ key: ArraySlice<UInt8>, default value: Value, _ change: (inout Value) -> Void) {
            if !lengths.contains(key.count) {
                lengths.append(key.count)
                lengths.sort()
            }
            change(&table[key, default: value])
        }
    }

    private var names: [ArraySlice<UInt8>: Last] = [:]
    private var paths: [ArraySlice<UInt8>: Last] = [:]
    private var suffixes = Keyed<Last>()
    private var prefixes = Keyed<Last>()
    /// Wildcard patterns by a literal segment they need, and by a name's literal start or end.
    private var bySegment: [ArraySlice<UInt8>: [Int]] = [:]
    private var byNameStart = Keyed<[Int]>()
    private var byNameEnd = Keyed<[Int]>()
    /// The rules that need no literal part, highest first.
    private var others: [Int] = []

    init(_ rules: [GitIgnore.Rule]) {
        for (number, rule) in rules.enumerated() {
            let only = rule.foldersOnly
            switch rule.pattern.plainForm {
            case .name(let name): names[name, default: Last()].add(number, foldersOnly: only)
            case .path(let path): paths[path, default: Last()].add(number, foldersOnly: only)
            case .suffix(let suffix): suffixes.update(suffix, default: Last()) { $0.add(number, foldersOnly: only) }
            case .prefix(let prefix): prefixes.update(prefix, default: Last()) { $0.add(number, foldersOnly: only) }
            case nil:
                switch rule.pattern.literalPart {
                case .segment(let segment)?: bySegment[segment, default: []].append(number)
                case .nameStart(let start)?: byNameStart.update(start, default: []) { $0.append(number) }
                case .nameEnd(let end)?: byNameEnd.update(end, default: []) { $0.append(number) }
                case nil: others.append(number)
                }
            }
        }
        others.reverse()
    }

    func lastMatch(path: [UInt8], name: ArraySlice<UInt8>, isFolder: Bool, rules: [GitIgnore.Rule]) -> Int? {
        var best = -1
        func consider(_ last: Last?) {
            if let last { best = max(best, last.best(isFolder: isFolder)) }
        }
        consider(names[name])
        consider(paths[path[...]])
        for length in suffixes.lengths {
            guard length <= name.count else { break }
            consider(suffixes.table[name.suffix(length)])
        }
        for length in prefixes.lengths {
            guard length <= name.count else { break }
            consider(prefixes.table[name.prefix(length)])
        }
        // The wildcard rules this path has the literal parts of, tried from the last back.
        var candidates = others.filter { $0 > best }
        let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        for part in parts {
            if let numbers = bySegment[part] { candidates += numbers.filter { $0 > best } }
        }
        for length in byNameStart.lengths {
            guard length <= name.count else { break }
            if let numbers = byNameStart.table[name.prefix(length)] { candidates += numbers.filter { $0 > best } }
        }
        for length in byNameEnd.lengths {
            guard length <= name.count else { break }
            if let numbers = byNameEnd.table[name.suffix(length)] { candidates += numbers.filter { $0 > best } }
        }
        guard !candidates.isEmpty else { return best >= 0 ? best : nil }
        candidates.sort(by: >)
        for number in candidates {
            let rule = rules[number]
            if rule.foldersOnly && !isFolder { continue }
            if rule.pattern.matches(parts: parts, name: name) { return number }
        }
        return best >= 0 ? best : nil
    }
}

/// One pattern of a `.gitignore` line (without its `!` and trailing `/`), as git's wildmatch
/// reads it (WildcardPattern's `.gitIgnore` syntax), and the table it can be looked up in.
struct GitIgnorePattern {
    /// A pattern a table can hold: a literal name, a literal path, `*` then a literal, or a
    /// literal then `*`.
    enum PlainForm {
        case name(ArraySlice<UInt8>)
        case path(ArraySlice<UInt8>)
        case suffix(ArraySlice<UInt8>)
        case prefix(ArraySlice<UInt8>)
    }

    let wildcard: WildcardPattern
    /// A pattern with a slash is matched against the path from the `.gitignore`'s folder;
    /// one without, against the entry's name at any depth.
    let anchored: Bool
    let plainForm: PlainForm?

    /// Nil for a pattern that matches nothing (an unclosed class).
    init?(_ text: ArraySlice<UInt8>) {
        var text = text
        anchored = text.contains(UInt8(ascii: "/"))
        while text.first == UInt8(ascii: "/") { text = text.dropFirst() }
        guard let wildcard = WildcardPattern(text, syntax: .gitIgnore) else { return nil }
        self.wildcard = wildcard
        plainForm = Self.plainForm(wildcard.segments, anchored: anchored)
    }

    static func plainForm(_ segments: [WildcardPattern.Segment], anchored: Bool) -> PlainForm? {
        func literal(_ tokens: ArraySlice<WildcardPattern.Token>) -> [UInt8]? {
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

    /// A literal part that every path the pattern matches has: a whole segment (anchored), or
    /// the start or end of the name, the longer of the two.
    enum LiteralPart {
        case segment(ArraySlice<UInt8>)
        case nameStart(ArraySlice<UInt8>)
        case nameEnd(ArraySlice<UInt8>)
    }

    var literalPart: LiteralPart? {
        func literal(_ tokens: some Sequence<WildcardPattern.Token>) -> [UInt8] {
            var bytes: [UInt8] = []
            for token in tokens {
                guard case .byte(let byte) = token else { break }
                bytes.append(byte)
            }
            return bytes
        }
        if anchored {
            var longest: [UInt8] = []
            for segment in wildcard.segments {
                guard case .tokens(let tokens) = segment,
                    tokens.allSatisfy({ if case .byte = $0 { true } else { false } })
                else { continue }
                let bytes = literal(tokens)
                if bytes.count > longest.count { longest = bytes }
            }
            return longest.isEmpty ? nil : .segment(longest[...])
        }
        guard case .tokens(let tokens) = wildcard.segments[0] else { return nil }
        let start = literal(tokens)
        let end = Array(literal(tokens.reversed()).reversed())
        if start.isEmpty && end.isEmpty { return nil }
        return start.count >= end.count ? .nameStart(start[...]) : .nameEnd(end[...])
    }

    /// - Parameters:
    ///   - parts: the entry's path from the `.gitignore`'s folder, by segment.
    ///   - name: its last segment.
    func matches(parts: [ArraySlice<UInt8>], name: ArraySlice<UInt8>) -> Bool {
        if !anchored {
            guard case .tokens(let tokens) = wildcard.segments[0] else { return true }
            return wildcard.matches(tokens, name)
        }
        return wildcard.matches(parts: parts)
    }
}
