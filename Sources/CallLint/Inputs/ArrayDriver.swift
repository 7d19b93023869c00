/// `--array`: a JSON array of request bodies, each element checked on its own. Elements are
/// parsed one at a time, a block at a time, and checked in parallel, so memory holds the text
/// and one block of trees, never the tree of the whole array. Each block is handed on as a
/// stretch of the one text.
struct ArrayDriver: InputDriver {
    static let blockSize = 8192

    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure? {
        switch readWhole(&input, name: name) {
        case .failure(let failure):
            return failure
        case .success(let source):
            withoutActuallyEscaping(emit) { emit in
                Elements(source: source, linter: linter, workers: workers) {
                    emit(InputStretch(source: source, diagnostics: $0))
                }
                .check()
            }
            return nil
        }
    }
}

/// The elements of one array, found by structure alone (brackets and strings) while the
/// text is regular, and by the strict parser from the first irregularity on.
private struct Elements {
    let source: SourceText
    let linter: Linter
    let workers: Int
    let emit: ([Diagnostic]) -> Void

    func check() {
        let bytes = source.bytes
        var position = skipWhitespace(bytes, 0)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else {
            emit(notAnArray())
            return
        }
        let opening = position
        position = skipWhitespace(bytes, position + 1)
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position = skipWhitespace(bytes, position + 1)
            if position < bytes.count { emit(syntaxError(.contentAfterArray, at: position..<position + 1)) }
            return
        }
        var index = 0
        while true {
            // Find the next block of elements by structure alone: brackets and strings.
            var starts: [Int] = []
            var regular = true
            var closingBracket: Int?
            var cursor = position
            while starts.count < ArrayDriver.blockSize {
                guard cursor < bytes.count, let end = elementEnd(bytes, from: cursor) else {
                    regular = false
                    break
                }
                starts.append(cursor)
                if bytes[end] == UInt8(ascii: "]") {
                    closingBracket = end
                    break
                }
                let next = skipWhitespace(bytes, end + 1)
                if next < bytes.count, bytes[next] == UInt8(ascii: "]") {
                    // A trailing comma: the strict path explains it, from this element on.
                    cursor = starts.removeLast()
                    regular = false
                    break
                }
                cursor = next
            }
            // Parse and check the block's elements in parallel; an element that does not parse
            // exactly as scanned sends the rest to the strict path.
            let first = index
            let results = ParallelMap.map(starts.count, workers: workers) { offset -> [Diagnostic]? in
                guard
                    case .success(let parsed) = linter.parser.parseValue(
                        in: source, at: starts[offset], elementIndex: first + offset, depth: 1)
                else { return nil }
                let after = skipWhitespace(bytes, parsed.end)
                guard after < bytes.count, bytes[after] == UInt8(ascii: ",") || bytes[after] == UInt8(ascii: "]") else {
                    return nil
                }
                return linter.check(body: parsed.document.root)
            }
            var block: [Diagnostic] = []
            for (offset, result) in results.enumerated() {
                guard let result else {
                    emit(block)
                    return strictCheck(from: starts[offset], index: first + offset, opening: opening)
                }
                block += result
            }
            emit(block)
            index += starts.count
            if !regular {
                return strictCheck(from: cursor, index: index, opening: opening)
            }
            if let closingBracket {
                let after = skipWhitespace(bytes, closingBracket + 1)
                if after < bytes.count { emit(syntaxError(.contentAfterArray, at: after..<after + 1)) }
                return
            }
            position = cursor
        }
    }

    /// Where the element starting at `start` ends: the offset of the `,` or `]` that follows
    /// it at the array's level, or nil when the input ends first. Strings are skipped whole,
    /// so brackets and commas inside them do not count. This scan reads every byte of the
    /// input before the parser does, so it goes a word at a time past the bytes that mean
    /// nothing to it, and jumps to a string's closing quote.
    func elementEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var depth = 0
            var index = start
            while index < buffer.count {
                if index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let found = Self.structure(in: UInt64(littleEndian: word))
                    guard found != 0 else {
                        index += 8
                        continue
                    }
                    // The lowest flag marks the first such byte, the word read in byte order.
                    index += found.trailingZeroBitCount >> 3
                }
                switch buffer[index] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(buffer, from: index + 1) else { return nil }
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return buffer[index] == UInt8(ascii: "]") ? index : nil }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { return index }
                default:
                    break
                }
                index += 1
            }
            return nil
        }
    }

    /// The closing quote of the string whose text starts at `start`: the first quote that an
    /// odd run of backslashes does not escape; nil when there is none.
    func stringEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var searched = start
        while let quote = SourceText.next(UInt8(ascii: "\""), in: buffer, from: searched, to: buffer.count) {
            var backslashes = 0
            while quote - backslashes - 1 >= start, buffer[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 { return quote }
            searched = quote + 1
        }
        return nil
    }

    /// A flag (the high bit) on each byte of a word of eight that is a quote, a bracket, a
    /// brace or a comma; 0 when none is. Setting bit 5 turns `[` and `]` into `{` and `}`, and
    /// nothing else into them. The lowest flag is always right; one above it may not be.
    @inline(__always)
    static func structure(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
        let folded = word | (0x20 &* ones)
        return zeroBytes(folded ^ (0x7B &* ones)) | zeroBytes(folded ^ (0x7D &* ones))
            | zeroBytes(word ^ (0x2C &* ones)) | zeroBytes(word ^ (0x22 &* ones))
    }

    /// Element by element on one thread, from `position`, with exact syntax errors: where
    /// the structural scan found something irregular.
    func strictCheck(from start: Int, index first: Int, opening: Int) {
        let bytes = source.bytes
        let array = JSONSyntaxError.Opener(offset: opening, isObject: false)
        var position = start
        var index = first
        while true {
            switch linter.parser.parseValue(in: source, at: position, elementIndex: index, depth: 1) {
            case .failure(let error):
                // An element of its own that is not JSON as written (typographic quotes, a
                // template): read as a body is, and go on after it.
                guard let end = Self.elementEnd(bytes, from: position), end > position else {
                    return emit(linter.check(syntaxError: error, in: source))
                }
                let found = linter.check(unparsed: position..<end, in: source, error: error)
                // Broken as JSON too: what follows cannot be told apart, and is not read.
                if found.contains(where: { $0.ruleID == InvalidJSONRule.id }) {
                    return emit(linter.check(syntaxError: error, in: source))
                }
                emit(found.map { $0.withPointer("/\(index)" + $0.pointer) })
                position = skipWhitespace(bytes, end)
            case .success(let parsed):
                emit(linter.check(body: parsed.document.root))
                position = skipWhitespace(bytes, parsed.end)
            }
            index += 1
            guard position < bytes.count else {
                return emit(syntaxError(.unexpectedEnd(open: [array]), at: bytes.count..<bytes.count))
            }
            switch bytes[position] {
            case UInt8(ascii: ","):
                let comma = position
                position = skipWhitespace(bytes, position + 1)
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    return emit(syntaxError(.trailingComma(array), at: comma..<comma + 1))
                }
            case UInt8(ascii: "]"):
                position = skipWhitespace(bytes, position + 1)
                if position < bytes.count { emit(syntaxError(.contentAfterArray, at: position..<position + 1)) }
                return
            default:
                return emit(syntaxError(.missingComma(array), at: position..<position + 1))
            }
        }
    }

    /// Where an element that does not parse ends, by its brackets alone (straight-quoted
    /// strings passed over): the `,` or `]` after it; nil when its brackets never close.
    static func elementEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                if depth == 0 { return index }
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 0 {
                return index
            }
            index += 1
        }
        return nil
    }

    func syntaxError(_ cause: JSONSyntaxError.Cause, at range: Range<Int>) -> [Diagnostic] {
        linter.check(syntaxError: JSONSyntaxError(cause, at: range), in: source)
    }

    /// The input is not an array: report it whole, as it is (not JSON, or not an array).
    func notAnArray() -> [Diagnostic] {
        switch linter.parser.parse(source) {
        case .failure(let error):
            return linter.check(syntaxError: error, in: source)
        case .success(let document):
            guard linter.settings.isEnabled(WrongTypeRule.id), let severity = linter.severity(of: WrongTypeRule.id)
            else { return [] }
            let root = document.root
            return [
                Diagnostic(
                    ruleID: WrongTypeRule.id, severity: severity,
                    message:
                        "with --array the input must be a JSON array of request bodies, found \(root.kind.description)",
                    range: root.range.lowerBound..<root.range.lowerBound + 1, pointer: "",
                    help: "check a single request body without --array")
            ]
        }
    }

    func skipWhitespace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
        return index
    }
}
