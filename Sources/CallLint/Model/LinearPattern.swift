/// The regular expressions of the `placeholders` configuration: the usual syntax (literals,
/// `.`, `[...]` classes, `\d \w \s`, `^ $`, groups, `|`, `* + ? {n,m}`) without the features
/// that need backtracking (backreferences, lookaround). A pattern is compiled to an automaton
/// and matched by following all of its states at once (Thompson's construction), so checking
/// a value costs at most its length times the pattern's size, whatever the pattern:
/// `^(a+)+$` is as cheap as `a`. A value matches when the pattern matches any part of it.
struct LinearPattern: Sendable {
    struct SyntaxError: Error, Equatable {
        let message: String
    }

    /// A set of Unicode scalars: ranges, possibly negated.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ scalar: UInt32) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }

        static let digits = ScalarSet(ranges: [0x30...0x39], negated: false)
        static let word = ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A], negated: false)
        static let space = ScalarSet(ranges: [0x09...0x0D, 0x20...0x20], negated: false)
        static let anyButNewline = ScalarSet(ranges: [0x0A...0x0A], negated: true)
    }

    enum Instruction: Sendable {
        case scalar(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    let program: [Instruction]

    /// Programs larger than this are refused: `{n,m}` copies what it repeats.
    static let maximumSize = 20_000

    init(_ pattern: String) throws(SyntaxError) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let tree = try parser.parseAlternation()
        guard parser.position == parser.scalars.count else {
            throw SyntaxError(message: "unmatched `)` at character \(parser.position + 1)")
        }
        var compiler = Compiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
    }

    /// Whether the pattern matches any part of `text`.
    func matches(in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var current = StateSet(capacity: program.count)
        var next = StateSet(capacity: program.count)
        for position in 0...scalars.count {
            // A match may begin anywhere.
            if add(0, to: &current, at: position, in: scalars) { return true }
            guard position < scalars.count else { break }
            next.clear()
            let scalar = scalars[position].value
            for state in current.members {
                if case .scalar(let set) = program[state], set.contains(scalar) {
                    if add(state + 1, to: &next, at: position + 1, in: scalars) { return true }
                }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds a state and everything it reaches without reading; true when that includes the
    /// match. Iterative: a pattern's nesting cannot overflow the stack.
    private func add(_ first: Int, to set: inout StateSet, at position: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var pending = [first]
        while let state = pending.popLast() {
            guard set.insert(state) else { continue }
            switch program[state] {
            case .match: return true
            case .jump(let target): pending.append(target)
            case .split(let first, let second):
                pending.append(second)
                pending.append(first)
            case .lineStart: if position == 0 { pending.append(state + 1) }
            case .lineEnd: if position == scalars.count { pending.append(state + 1) }
            case .scalar: break
            }
        }
        return false
    }

    /// A set of states with constant-time insert and clear.
    struct StateSet {
        var members: [Int] = []
        var generation: [Int]
        var stamp = 1

        init(capacity: Int) { generation = [Int](repeating: 0, count: capacity) }

        mutating func insert(_ state: Int) -> Bool {
            guard generation[state] != stamp else { return false }
            generation[state] = stamp
            members.append(state)
            return true
        }

        mutating func clear() {
            members.removeAll(keepingCapacity: true)
            stamp += 1
        }
    }

    indirect enum Node {
        case empty
        case scalars(ScalarSet)
        case lineStart, lineEnd
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, minimum: Int, maximum: Int?)
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var depth = 0

        func error(_ message: String) -> SyntaxError {
            SyntaxError(message: "\(message) at character \(min(position, scalars.count) + 1)")
        }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func parseAlternation() throws(SyntaxError) -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 100 else { throw error("groups nested too deeply") }
            var branches = [try parseSequence()]
            while peek == "|" {
                position += 1
                branches.append(try parseSequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() throws(SyntaxError) -> Node {
            var items: [Node] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                var atom = try parseAtom()
                while let (minimum, maximum) = try parseQuantifier() {
                    atom = .repetition(atom, minimum: minimum, maximum: maximum)
                }
                items.append(atom)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func parseQuantifier() throws(SyntaxError) -> (Int, Int?)? {
            guard let scalar = peek else { return nil }
            let quantifier: (Int, Int?)
            switch scalar {
            case "*": quantifier = (0, nil)
            case "+": quantifier = (1, nil)
            case "?": quantifier = (0, 1)
            case "{":
                guard let counted = try parseCount() else { return nil }
                return counted
            default: return nil
            }
            position += 1
            if peek == "?" { position += 1 }  // a lazy quantifier matches the same texts
            if peek == "+" { throw error("possessive quantifiers are not supported") }
            return quantifier
        }

        /// `{n}`, `{n,}`, `{n,m}`; nil (a literal `{`) when it is none of those.
        mutating func parseCount() throws(SyntaxError) -> (Int, Int?)? {
            var index = position + 1
            func number() -> Int? {
                var value: Int?
                while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
                    value = min(100_000, (value ?? 0) * 10 + digit)
                    index += 1
                }
                return value
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if index < scalars.count, scalars[index] == "," {
                index += 1
                maximum = number()
            }
            guard index < scalars.count, scalars[index] == "}" else { return nil }
            if let maximum, maximum < minimum { throw error("`{\(minimum),\(maximum)}` counts down") }
            position = index + 1
            if peek == "?" { position += 1 }
            return (minimum, maximum)
        }

        mutating func parseAtom() throws(SyntaxError) -> Node {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "(":
                if peek == "?" {
                    guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                        throw error("lookaround and other `(?` groups are not supported")
                    }
                    position += 2
                }
                let inner = try parseAlternation()
                guard peek == ")" else { throw error("missing `)`") }
                position += 1
                return inner
            case "[": return .scalars(try parseClass())
            case ".": return .scalars(.anyButNewline)
            case "^": return .lineStart
            case "$": return .lineEnd
            case "\\": return .scalars(try parseEscape(inClass: false))
            case "*", "+", "?": throw error("`\(scalar)` has nothing to repeat")
            default: return .scalars(ScalarSet(ranges: [scalar.value...scalar.value], negated: false))
            }
        }

        mutating func parseEscape(inClass: Bool) throws(SyntaxError) -> ScalarSet {
            guard let scalar = peek else { throw error("`\\` at the end of the pattern") }
            position += 1
            switch scalar {
            case "d": return .digits
            case "w": return .word
            case "s": return .space
            case "D": return ScalarSet(ranges: ScalarSet.digits.ranges, negated: true)
            case "W": return ScalarSet(ranges: ScalarSet.word.ranges, negated: true)
            case "S": return ScalarSet(ranges: ScalarSet.space.ranges, negated: true)
            case "n": return ScalarSet(ranges: [0x0A...0x0A], negated: false)
            case "t": return ScalarSet(ranges: [0x09...0x09], negated: false)
            case "r": return ScalarSet(ranges: [0x0D...0x0D], negated: false)
            case "1"..."9": throw error("backreferences are not supported")
            case "b",
                "B" where !inClass:
                throw error("word boundaries are not supported")
            default:
                if scalar.properties.isAlphabetic && scalar.isASCII { throw error("unknown escape `\\\(scalar)`") }
                return ScalarSet(ranges: [scalar.value...scalar.value], negated: false)
            }
        }

        mutating func parseClass() throws(SyntaxError) -> ScalarSet {
            var set = ScalarSet(ranges: [], negated: false)
            if peek == "^" {
                set.negated = true
                position += 1
            }
            var first = true
            while let scalar = peek, scalar != "]" || first {
                first = false
                position += 1
                var low: UInt32
                if scalar == "\\" {
                    let escaped = try parseEscape(inClass: true)
                    guard escaped.ranges.count == 1, !escaped.negated, escaped.ranges[0].count == 1 else {
                        // \d, \w, \s inside a class: add their ranges.
                        guard !escaped.negated else { throw error("negated classes inside `[...]` are not supported") }
                        set.ranges += escaped.ranges
                        continue
                    }
                    low = escaped.ranges[0].lowerBound
                } else {
                    low = scalar.value
                }
                if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    position += 1
                    var high = scalars[position].value
                    position += 1
                    if high == UInt32(UInt8(ascii: "\\")) {
                        let escaped = try parseEscape(inClass: true)
                        guard escaped.ranges.count == 1, escaped.ranges[0].count == 1 else {
                            throw error("a range must end in one character")
                        }
                        high = escaped.ranges[0].lowerBound
                    }
                    guard low <= high else { throw error("class range out of order") }
                    set.ranges.append(low...high)
                    low = high
                } else {
                    set.ranges.append(low...low)
                }
            }
            guard peek == "]" else { throw error("missing `]`") }
            position += 1
            return set
        }
    }

    struct Compiler {
        var program: [Instruction] = []

        mutating func emit(_ node: Node) throws(SyntaxError) {
            guard program.count < LinearPattern.maximumSize else {
                throw SyntaxError(message: "the pattern is too large once its counted repetitions are written out")
            }
            switch node {
            case .empty: break
            case .scalars(let set): program.append(.scalar(set))
            case .lineStart: program.append(.lineStart)
            case .lineEnd: program.append(.lineEnd)
            case .sequence(let items):
                for item in items { try emit(item) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = program.count
                        program.append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumps { program[jump] = .jump(program.count) }
            case .repetition(let inner, let minimum, let maximum):
                for _ in 0..<minimum { try emit(inner) }
                if let maximum {
                    // Each optional copy may be skipped to the end.
                    var splits: [Int] = []
                    for _ in minimum..<maximum {
                        splits.append(program.count)
                        program.append(.split(program.count + 1, -1))
                        try emit(inner)
                    }
                    for split in splits { program[split] = .split(split + 1, program.count) }
                } else {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(inner)
                    program.append(.jump(split))
                    program[split] = .split(split + 1, program.count)
                }
            }
        }
    }
}
