/// The directive lines of a Velocity or Handlebars template (`#if(…)`, `#else`, `#end`,
/// `#set(…)`, `{{#if x}}`, `{{/if}}`): which lines they are, and which lines each rendering of
/// the template keeps. A template renders one branch of each `#if`; rendering `k` takes branch
/// `k` of every chain (or its last), so that every branch is checked in some rendering and a
/// key set in two branches of one `#if` is never in one rendering twice.
struct TemplateDirectives {
    enum Kind: Equatable {
        /// Opens a block of branches (`#if`), or of one branch (`#foreach`, `#macro`).
        case open(branching: Bool)
        case nextBranch
        case close
        /// Stands alone (`#set`, a comment line).
        case single
    }

    struct Line {
        let range: Range<Int>
        let kind: Kind?
    }

    /// The text's lines (each with its line break), and the directive each is, if any.
    let lines: [Line]
    /// For each line that opens a block: how many branches the block has.
    let branchCounts: [Int: Int]
    /// Renderings needed so that every branch is in one of them, as many as the budget allows.
    let renderingCount: Int
    /// The blocks with more branches than renderings (by the index of the line that opens
    /// each): their later branches are in no rendering, and a note says so.
    let uncheckedBlocks: [(line: Int, branches: Int)]

    /// Every template gets this many renderings, however long it is.
    static let minimumRenderings = 8
    /// Past the minimum, renderings are made while all of them together hold no more than
    /// this many bytes: every branch of an ordinary template is checked, and a template of
    /// 100,000 branches costs a bounded multiple of its length.
    static let renderedBytesBudget = 32 << 20

    var hasDirectives: Bool { lines.contains { $0.kind != nil } }

    init(_ bytes: [UInt8]) {
        var lines: [Line] = []
        var start = 0
        var inBlockComment = false
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < bytes.count { end += 1 }
            var kind = Self.kind(of: bytes[start..<end])
            // A Velocity block comment (#* … *#) drops every line it covers.
            if inBlockComment {
                kind = .single
                if Self.contains(bytes[start..<end], "*#") { inBlockComment = false }
            } else if kind == nil, Self.trimmed(bytes[start..<end]).starts(with: Array("#*".utf8)) {
                kind = .single
                inBlockComment = !Self.contains(bytes[start..<end].dropFirst(2), "*#")
            }
            lines.append(Line(range: start..<end, kind: kind))
            start = end
        }
        var counts: [Int: Int] = [:]
        var open: [Int] = []
        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .open?:
                open.append(index)
                counts[index] = 1
            case .nextBranch?:
                if let opener = open.last { counts[opener, default: 1] += 1 }
            case .close?:
                _ = open.popLast()
            default: break
            }
        }
        self.lines = lines
        branchCounts = counts
        let affordable = max(Self.minimumRenderings, Self.renderedBytesBudget / max(1, bytes.count))
        renderingCount = min(affordable, counts.values.max() ?? 1)
        let count = renderingCount
        uncheckedBlocks = counts.filter { $0.value > count }.map { (line: $0.key, branches: $0.value) }
            .sorted { $0.line < $1.line }
    }

    /// Whether each line is in rendering `rendering` (directive lines never are).
    func keptLines(rendering: Int) -> [Bool] {
        var kept: [Bool] = []
        kept.reserveCapacity(lines.count)
        // Per open block: the branch this rendering takes and the branch the walk is in; and
        // how many open blocks are in a branch not taken (kept up to date, not recounted, so
        // that deep nesting costs no more per line).
        var open: [(chosen: Int, current: Int)] = []
        var notTaken = 0
        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .open(let branching)?:
                let count = branching ? branchCounts[index] ?? 1 : 1
                let chosen = min(rendering, count - 1)
                open.append((chosen, 0))
                if chosen != 0 { notTaken += 1 }
            case .nextBranch?:
                if let last = open.last {
                    if last.chosen != last.current { notTaken -= 1 }
                    open[open.count - 1].current += 1
                    if last.chosen != last.current + 1 { notTaken += 1 }
                }
            case .close?:
                if let last = open.popLast(), last.chosen != last.current { notTaken -= 1 }
            default: break
            }
            kept.append(line.kind == nil && notTaken == 0)
        }
        return kept
    }

    // MARK: Reading a line

    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = line
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            slice = slice.dropLast()
        }
        return slice
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        haystack.withUnsafeBufferPointer { TextSearch.firstOffset(of: needle, in: $0) } != nil
    }

    static let velocity: [(name: String, kind: Kind)] = [
        ("if", .open(branching: true)), ("foreach", .open(branching: false)), ("macro", .open(branching: false)),
        ("define", .open(branching: false)), ("elseif", .nextBranch), ("else", .nextBranch), ("end", .close),
        ("set", .single), ("break", .single), ("stop", .single), ("include", .single), ("parse", .single),
        ("evaluate", .single),
    ]

    /// The directive a line is, when it is one line of a directive and nothing else.
    static func kind(of line: ArraySlice<UInt8>) -> Kind? {
        let text = trimmed(line)
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "#") {
            let rest = text.dropFirst()
            if rest.first == UInt8(ascii: "#") { return .single }  // a ## comment
            // #if(…), #{if}(…), #else, #{else}
            let braced = rest.first == UInt8(ascii: "{")
            let word = (braced ? rest.dropFirst() : rest).prefix { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            }
            guard let directive = velocity.first(where: { Array($0.name.utf8).elementsEqual(word) }) else {
                return nil
            }
            var after = (braced ? rest.dropFirst() : rest).dropFirst(word.count)
            if braced {
                guard after.first == UInt8(ascii: "}") else { return nil }
                after = after.dropFirst()
            }
            let takesArguments =
                directive.kind != .close && directive.name != "else" && directive.name != "break"
                && directive.name != "stop"
            if takesArguments {
                // The whole line is the directive: its parentheses close at its end.
                guard after.first == UInt8(ascii: "(") || after.first == UInt8(ascii: " "),
                    after.last == UInt8(ascii: ")")
                else { return nil }
            } else if !after.isEmpty {
                return nil
            }
            return directive.kind
        }
        // Handlebars block lines: {{#if x}}, {{else}}, {{/if}}, {{! comment }}.
        guard text.starts(with: Array("{{".utf8)), text.reversed().starts(with: Array("}}".utf8)) else { return nil }
        var inner = text.dropFirst(2).dropLast(2)
        if inner.first == UInt8(ascii: "~") { inner = inner.dropFirst() }
        guard let sigil = inner.first else { return nil }
        switch sigil {
        case UInt8(ascii: "#"):
            let isIf =
                inner.dropFirst().starts(with: Array("if".utf8)) || inner.dropFirst().starts(with: Array("unless".utf8))
            return .open(branching: isIf)
        case UInt8(ascii: "/"): return .close
        case UInt8(ascii: "!"): return .single
        case UInt8(ascii: "^"): return inner.count == 1 ? .nextBranch : .open(branching: false)
        default:
            return inner.starts(with: Array("else".utf8)) ? .nextBranch : nil
        }
    }
}
