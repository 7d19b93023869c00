/// A JSON template read as the JSON it renders to, for a text that is not JSON as written:
/// - directive lines (`#if(…)`, `#else`, `#end`, `#set(…)`, `{{#if x}}`, `{{/if}}`) are left
///   out, one rendering per branch (see TemplateDirectives);
/// - a placeholder outside quotes (`${input.priority}`, `$!{x}`, `$input.priority`,
///   `{{priority}}`) is read as a template value: a string the checks of content and type pass
///   over, as they pass over a quoted placeholder;
/// - non-breaking and other typographic spaces outside strings are read as spaces, and curly
///   quotes around a key or value as straight ones. Those are mistakes the API rejects: they
///   are listed, so that one diagnostic can report them all with one fix.
struct TemplateReading {
    struct Rendering {
        let text: MappedText
        /// Where each template value starts in the rendering's text.
        let templateValues: Set<Int>
    }

    /// A typographic character used as JSON syntax: its range in the text read, and what JSON
    /// needs there.
    struct TypographicCharacter: Equatable {
        enum Kind { case space, invisible, quote }
        let range: Range<Int>
        let replacement: String
        let kind: Kind
    }

    let renderings: [Rendering]
    let typographic: [TypographicCharacter]
    /// The blocks whose later branches no rendering holds: the opening line's range in the
    /// text, and how many of its branches were checked.
    let uncheckedBlocks: [(range: Range<Int>, checked: Int, branches: Int)]

    /// The text read as a template; nil when it has nothing a template or a paste adds to JSON,
    /// so that its own syntax error stands.
    static func read(_ text: MappedText) -> TemplateReading? {
        let directives = TemplateDirectives(text.bytes)
        var renderings: [Rendering] = []
        var typographic: [TypographicCharacter] = []
        var typographicStarts: Set<Int> = []
        var changed = directives.hasDirectives
        for rendering in 0..<directives.renderingCount {
            let kept = directives.keptLines(rendering: rendering)
            var reader = Reader(base: text)
            for (line, keep) in zip(directives.lines, kept) {
                if keep {
                    reader.read(line.range)
                } else {
                    reader.builder.write([], for: line.range)
                }
            }
            changed = changed || reader.changed
            // Each character once, though every rendering finds those outside its branches:
            // looked up by position, not searched for in the list.
            for found in reader.typographic where typographicStarts.insert(found.range.lowerBound).inserted {
                typographic.append(found)
            }
            renderings.append(Rendering(text: reader.builder.text, templateValues: reader.templateValues))
        }
        guard changed else { return nil }
        typographic.sort { $0.range.lowerBound < $1.range.lowerBound }
        let unchecked = directives.uncheckedBlocks.map { block in
            (range: directives.lines[block.line].range, checked: directives.renderingCount, branches: block.branches)
        }
        return TemplateReading(renderings: renderings, typographic: typographic, uncheckedBlocks: unchecked)
    }

    /// One pass over the kept lines of one rendering.
    struct Reader {
        var builder: MappedTextBuilder
        var templateValues: Set<Int> = []
        var typographic: [TypographicCharacter] = []
        var changed = false
        /// Inside a string: opened by a straight quote, or by a curly one (closed by any quote).
        var string: (open: Bool, curly: Bool) = (false, false)
        /// Where a search for a placeholder's end failed: no placeholder starts before it.
        var noPlaceholderBefore = 0

        init(base: MappedText) {
            builder = MappedTextBuilder(base: base)
        }

        var bytes: [UInt8] { builder.base.bytes }

        mutating func read(_ range: Range<Int>) {
            var copied = range.lowerBound
            var index = range.lowerBound
            func flush(to end: Int) {
                builder.copy(copied..<end)
            }
            while index < range.upperBound {
                let byte = bytes[index]
                if string.open {
                    if string.curly, let length = Self.curlyQuoteLength(bytes, index, range.upperBound) {
                        flush(to: index)
                        replace(index..<index + length, with: "\"", .quote)
                        string = (false, false)
                        index += length
                        copied = index
                        continue
                    }
                    if byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") { string = (false, false) }
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    string = (true, false)
                    index += 1
                    continue
                }
                if byte >= 0xC2, let (length, kind) = Self.typographic(bytes, index, range.upperBound) {
                    flush(to: index)
                    switch kind {
                    case .quote:
                        replace(index..<index + length, with: "\"", .quote)
                        string = (true, true)
                    case .space: replace(index..<index + length, with: " ", .space)
                    case .invisible: replace(index..<index + length, with: "", .invisible)
                    }
                    index += length
                    copied = index
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "$"), index >= noPlaceholderBefore {
                    var scanned = index
                    if let end = PlaceholderSyntax.end(of: bytes, at: index, limit: range.upperBound, scanned: &scanned)
                    {
                        flush(to: index)
                        writeTemplateValue(index..<end)
                        index = end
                        copied = index
                        continue
                    }
                    // No placeholder closes in what was scanned: none that starts there will
                    // either, and looking again from each `{` would cost quadratic time.
                    noPlaceholderBefore = scanned
                }
                index += 1
            }
            flush(to: min(index, range.upperBound))
        }

        mutating func replace(_ range: Range<Int>, with replacement: String, _ kind: TypographicCharacter.Kind) {
            builder.write(replacement, for: range)
            typographic.append(TypographicCharacter(range: range, replacement: replacement, kind: kind))
            changed = true
        }

        /// A placeholder outside quotes, as a string holding it.
        mutating func writeTemplateValue(_ range: Range<Int>) {
            templateValues.insert(builder.bytes.count)
            let text = bytes[range]
            if text.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                builder.write(Array(JSONString.quoted(String(decoding: text, as: UTF8.self)).utf8), for: range)
            } else {
                builder.write([UInt8(ascii: "\"")], for: range.lowerBound..<range.lowerBound)
                builder.copy(range)
                builder.write([UInt8(ascii: "\"")], for: range.upperBound..<range.upperBound)
            }
            changed = true
        }

        /// “ ” „ ‘ ’: a curly quote's length in bytes.
        static func curlyQuoteLength(_ bytes: [UInt8], _ index: Int, _ limit: Int) -> Int? {
            guard index + 2 < limit, bytes[index] == 0xE2, bytes[index + 1] == 0x80 else { return nil }
            switch bytes[index + 2] {
            case 0x98, 0x99, 0x9C, 0x9D, 0x9E: return 3
            default: return nil
            }
        }

        /// A typographic character outside strings: its length and what it stands for.
        static func typographic(_ bytes: [UInt8], _ index: Int, _ limit: Int) -> (Int, TypographicCharacter.Kind)? {
            let first = bytes[index]
            if first == 0xC2, index + 1 < limit, bytes[index + 1] == 0xA0 { return (2, .space) }
            guard index + 2 < limit else { return nil }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            switch (first, second) {
            case (0xE2, 0x80):
                if curlyQuoteLength(bytes, index, limit) != nil { return (3, .quote) }
                if third >= 0x80 && third <= 0x8A || third == 0xAF { return (3, .space) }
                if third >= 0x8B && third <= 0x8D { return (3, .invisible) }
            case (0xE2, 0x81):
                if third == 0x9F { return (3, .space) }
                if third == 0xA0 { return (3, .invisible) }
            case (0xE3, 0x80):
                if third == 0x80 { return (3, .space) }
            default: break
            }
            return nil
        }
    }
}

/// Where a template placeholder written outside quotes ends: `{{…}}`, `{{{…}}}`, `${…}`,
/// `$!{…}`, or a Velocity reference (`$input.priority`, `$!x`, `$esc.jsonString($input.phone)`).
enum PlaceholderSyntax {
    /// The longest placeholder looked for: a search costs at most this much, however many
    /// unclosed `{{` a hostile line has.
    static let maximumLength = 4096

    static func end(of bytes: [UInt8], at start: Int, limit: Int) -> Int? {
        var scanned = start
        return end(of: bytes, at: start, limit: limit, scanned: &scanned)
    }

    /// - Parameter scanned: set to how far the search looked.
    static func end(of bytes: [UInt8], at start: Int, limit wholeLimit: Int, scanned: inout Int) -> Int? {
        let limit = min(wholeLimit, start + maximumLength)
        scanned = start
        func at(_ offset: Int) -> UInt8? { offset < limit ? bytes[offset] : nil }
        if bytes[start] == UInt8(ascii: "{") {
            guard at(start + 1) == UInt8(ascii: "{") else { return nil }
            let triple = at(start + 2) == UInt8(ascii: "{")
            let closer = triple ? 3 : 2
            var index = start + closer
            while index + closer <= limit, bytes[index] != UInt8(ascii: "\n") {
                if bytes[index..<index + closer].allSatisfy({ $0 == UInt8(ascii: "}") }) { return index + closer }
                index += 1
            }
            scanned = index
            return nil
        }
        // `$`
        var index = start + 1
        if at(index) == UInt8(ascii: "!") { index += 1 }
        if at(index) == UInt8(ascii: "{") {
            return balanced(
                bytes, from: index, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), limit: limit, scanned: &scanned)
        }
        guard let first = at(index), isLetter(first) else { return nil }
        // $name(.name | (arguments) | [index])*
        while index < limit {
            let byte = bytes[index]
            if isLetter(byte) || JSONByte.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte == UInt8(ascii: "."), let next = at(index + 1), isLetter(next) {
                index += 1
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                let close = byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                guard let end = balanced(bytes, from: index, open: byte, close: close, limit: limit, scanned: &scanned)
                else { return nil }
                index = end
            } else {
                break
            }
        }
        return index
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The offset after the bracket that closes the one at `start`, on the same line; strings
    /// inside are skipped.
    static func balanced(
        _ bytes: [UInt8], from start: Int, open: UInt8, close: UInt8, limit: Int, scanned: inout Int
    ) -> Int? {
        var depth = 0
        var index = start
        defer { scanned = max(scanned, index) }
        var quote: UInt8?
        while index < limit, bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == open {
                    quote = nil
                }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return nil
    }
}
