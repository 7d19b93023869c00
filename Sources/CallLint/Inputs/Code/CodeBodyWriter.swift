/// Writes a body a program builds as the JSON it sends, mapped to the code: literal keys and
/// values are copied where they are written (a finding points at them, a fix can be made
/// there), what the program computes becomes a template value, and what the language adds
/// (quotes, commas, `None`, a model's field names) is written. The JSON is well formed by
/// construction: code never draws JSON syntax advice.
struct CodeBodyWriter {
    let program: CodeProgram
    private(set) var builder: MappedTextBuilder
    private(set) var templateValues: Set<Int> = []
    /// How the program writes the JSON names it uses, where that differs (`PhoneNumber`).
    private(set) var spellings: [String: String] = [:]

    private let tokens: CodeTokens
    private let bytes: [UInt8]

    init(program: CodeProgram, base: MappedText) {
        self.program = program
        tokens = program.tokens
        bytes = program.tokens.bytes
        builder = MappedTextBuilder(base: base)
    }

    /// Far deeper than any call body: past it the rest is one computed value, so that a
    /// hostile nesting costs neither stack (a worker thread's is small) nor time.
    private static let maximumDepth = 64

    /// Keys that make a member the language's, not the body's: `...rest`, `**defaults`.
    mutating func writeObject(open: Int, extra: [ModelBuild.Field] = [], depth: Int) {
        guard let close = tokens.partner(of: open) else { return writeComputed(open..<open + 1) }
        builder.copy(tokens[open].range)
        var first = true
        writeMembers(of: open, first: &first, depth: depth)
        writeFields(extra, first: first, depth: depth)
        builder.copy(tokens[close].range)
    }

    /// The members of the literal at `open`, each after a comma unless it is the first.
    private mutating func writeMembers(of open: Int, first: inout Bool, depth: Int) {
        for part in tokens.parts(of: open) {
            guard let (key, value) = member(part) else { continue }
            if !first { builder.write([UInt8(ascii: ",")], for: tokens[key].start..<tokens[key].start) }
            first = false
            writeKey(key)
            builder.write([UInt8(ascii: ":")], for: tokens[key].end..<tokens[key].end)
            // `{ phoneNumber }` (no value): the variable of that name.
            writeValue(value ?? key..<key + 1, depth: depth + 1)
        }
    }

    /// A member's key token and value, or nil for one that sends no known key (a spread, a
    /// computed key, a method, a Python variable as the key).
    private func member(_ part: Range<Int>) -> (key: Int, value: Range<Int>?)? {
        let first = part.lowerBound
        let token = tokens[first]
        if part.count == 1, token.kind == .word, program.lexicon == .javascript { return (first, nil) }
        guard part.count >= 3, tokens.isSymbol(first + 1, ":") else { return nil }
        let value = (first + 2)..<part.upperBound
        switch token.kind {
        case .string, .number: return (first, value)
        case .word: return program.lexicon == .javascript ? (first, value) : nil
        case .interpolated, .symbol: return nil
        }
    }

    private mutating func writeKey(_ key: Int) {
        let token = tokens[key]
        switch token.kind {
        case .string:
            writeString(key)
        case .word where program.lexicon == .javascript && !tokens.isSymbol(key + 1, ":"):
            // Shorthand: the key names a variable too; written, not copied, so that no fix
            // renames the variable.
            builder.write(Array(JSONString.quoted(tokens.text(key)).utf8), for: token.range)
        default:
            let isUTF8 = String(validating: bytes[token.range], as: UTF8.self) != nil
            guard isUTF8 else {
                builder.write(Array(JSONString.quoted(tokens.text(key)).utf8), for: token.range)
                return
            }
            builder.write([UInt8(ascii: "\"")], for: token.start..<token.start)
            builder.copy(token.range)
            builder.write([UInt8(ascii: "\"")], for: token.end..<token.end)
        }
    }

    /// A model's fields as members. A field set again replaces what was set before; a field
    /// set in a branch is sent only when nothing else sets it, and of call targets set in
    /// branches only the first counts, so that `if queue { … } else { … }` is not two targets.
    private mutating func writeFields(_ fields: [ModelBuild.Field], first: Bool, depth: Int) {
        let targets = Set(CallRequestModel.targetFields)
        let unconditional = Set(fields.filter { !$0.isConditional }.map(\.jsonName))
        var hasTarget = fields.contains { !$0.isConditional && targets.contains($0.jsonName) }
        var lastIndex: [String: Int] = [:]
        var kept: [ModelBuild.Field] = []
        for field in fields {
            if field.isConditional {
                if unconditional.contains(field.jsonName) || lastIndex[field.jsonName] != nil { continue }
                if targets.contains(field.jsonName) {
                    if hasTarget { continue }
                    hasTarget = true
                }
            }
            if let earlier = lastIndex[field.jsonName] {
                kept[earlier] = field
            } else {
                lastIndex[field.jsonName] = kept.count
                kept.append(field)
            }
        }
        var first = first
        for field in kept {
            let name = tokens[field.name]
            if !first { builder.write([UInt8(ascii: ",")], for: name.start..<name.start) }
            first = false
            let written =
                name.kind == .string
                ? String(decoding: tokens.rawContent(field.name), as: UTF8.self)
                : tokens.text(field.name)
            if written != field.jsonName { spellings[field.jsonName] = written }
            builder.write(Array(JSONString.quoted(field.jsonName).utf8), for: name.range)
            builder.write([UInt8(ascii: ":")], for: name.end..<name.end)
            writeValue(field.value, depth: depth + 1)
        }
    }

    mutating func writeModel(_ build: ModelBuild, depth: Int) {
        let type = tokens[build.typeToken]
        builder.write([UInt8(ascii: "{")], for: type.range)
        writeFields(build.fields, first: true, depth: depth)
        builder.write([UInt8(ascii: "}")], for: type.end..<type.end)
    }

    /// - Parameter elementModel: the model of `{…}` elements in a Go slice.
    mutating func writeValue(
        _ range: Range<Int>, depth: Int, elementModel: (model: ModelBuild.Model, type: Int)? = nil
    ) {
        guard depth < Self.maximumDepth else { return writeComputed(range) }
        switch program.form(of: range) {
        case .string(let index):
            writeString(index)
        case .number(let index):
            builder.copy(tokens[index].range)
        case .keyword(let index, let json):
            if bytes[tokens[index].range].elementsEqual(json.utf8) {
                builder.copy(tokens[index].range)
            } else {
                builder.write(Array(json.utf8), for: tokens[index].range)
            }
        case .negativeNumber(let minus, let number):
            builder.write([UInt8(ascii: "-")], for: tokens[minus].range)
            builder.copy(tokens[number].range)
        case .object(let open):
            if program.lexicon == .go, let elementModel {
                writeModel(program.goModel(elementModel.model, typeToken: elementModel.type, open: open), depth: depth)
            } else {
                writeObject(open: open, depth: depth)
            }
        case .array(let elements, let at, let elementModel):
            builder.write([UInt8(ascii: "[")], for: tokens[at.lowerBound].start..<tokens[at.lowerBound].start)
            for (offset, element) in elements.enumerated() {
                if offset > 0 {
                    builder.write(
                        [UInt8(ascii: ",")], for: tokens[element.lowerBound].start..<tokens[element.lowerBound].start)
                }
                writeValue(element, depth: depth + 1, elementModel: elementModel)
            }
            let end = tokens[at.upperBound - 1].end
            builder.write([UInt8(ascii: "]")], for: end..<end)
        case .model(let build):
            writeModel(build, depth: depth)
        case .merged(let parts, let at):
            builder.write([UInt8(ascii: "{")], for: tokens[at.lowerBound].start..<tokens[at.lowerBound].start)
            var first = true
            for part in parts where tokens.isGroup(part, opening: "{") {
                writeMembers(of: part.lowerBound, first: &first, depth: depth)
            }
            let end = tokens[at.upperBound - 1].end
            builder.write([UInt8(ascii: "}")], for: end..<end)
        case .pairs(let pairs, let at):
            builder.write([UInt8(ascii: "{")], for: tokens[at.lowerBound].start..<tokens[at.lowerBound].start)
            for (offset, pair) in pairs.enumerated() {
                let key = tokens[pair.key]
                if offset > 0 { builder.write([UInt8(ascii: ",")], for: key.start..<key.start) }
                writeKey(pair.key)
                builder.write([UInt8(ascii: ":")], for: key.end..<key.end)
                writeValue(pair.value, depth: depth + 1)
            }
            let end = tokens[at.upperBound - 1].end
            builder.write([UInt8(ascii: "}")], for: end..<end)
        case .computed(let computed):
            writeComputed(computed)
        }
    }

    /// A value the program works out, as a template value holding (the start of) its code.
    private mutating func writeComputed(_ range: Range<Int>) {
        templateValues.insert(builder.bytes.count)
        guard !range.isEmpty else {
            builder.write(Array("\"\"".utf8), for: 0..<0)
            return
        }
        let span = tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
        let shown = bytes[span.lowerBound..<min(span.upperBound, span.lowerBound + 256)]
        builder.write(Array(JSONString.quoted(String(decoding: shown, as: UTF8.self)).utf8), for: span)
    }

    /// A string literal as a JSON string: its quotes written, its content copied with the
    /// escapes JSON lacks written as JSON's.
    private mutating func writeString(_ index: Int) {
        let token = tokens[index]
        let content = token.content
        builder.write([UInt8(ascii: "\"")], for: token.start..<content.lowerBound)
        var copied = content.lowerBound
        var offset = content.lowerBound
        func replace(_ replacement: [UInt8], length: Int) {
            builder.copy(copied..<offset)
            builder.write(replacement, for: offset..<offset + length)
            offset += length
            copied = offset
        }
        while offset < content.upperBound {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                if token.escapes == .doubledQuote, offset + 1 < content.upperBound, bytes[offset + 1] == byte {
                    replace(Array("\\\"".utf8), length: 2)
                } else {
                    replace(Array("\\\"".utf8), length: 1)
                }
            } else if byte >= 0x80 {
                // A file that is not UTF-8 here: the character it cannot be is U+FFFD.
                if let length = UTF8Validation.sequenceLength(bytes, at: offset), offset + length <= content.upperBound
                {
                    offset += length
                } else {
                    replace(Array("\\ufffd".utf8), length: 1)
                }
            } else if byte < 0x20 {
                replace(Array(JSONString.quoted(String(UnicodeScalar(byte))).utf8.dropFirst().dropLast()), length: 1)
            } else if byte == UInt8(ascii: "\\") {
                if token.escapes != .backslash || offset + 1 >= content.upperBound {
                    replace(Array("\\\\".utf8), length: 1)
                    continue
                }
                let (replacement, length) = escape(at: offset, end: content.upperBound)
                if let replacement {
                    replace(replacement, length: length)
                } else {
                    offset += length
                }
            } else {
                offset += 1
            }
        }
        builder.copy(copied..<content.upperBound)
        builder.write([UInt8(ascii: "\"")], for: content.upperBound..<token.end)
    }

    /// A backslash escape at `offset`: JSON's own are kept (nil), others written as JSON's.
    private func escape(at offset: Int, end: Int) -> ([UInt8]?, Int) {
        let next = bytes[offset + 1]
        func hex(_ from: Int, _ count: Int) -> UInt32? {
            guard from + count <= end else { return nil }
            return UInt32(String(decoding: bytes[from..<from + count], as: UTF8.self), radix: 16)
        }
        func scalar(_ value: UInt32?, length: Int) -> ([UInt8]?, Int) {
            guard let value, let scalar = UnicodeScalar(value) else { return (Array("\\\\".utf8), 1) }
            let text = JSONString.quoted(String(Character(scalar)))
            return (Array(text.utf8.dropFirst().dropLast()), length)
        }
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return (nil, 2)
        case UInt8(ascii: "u"):
            if offset + 2 < end, bytes[offset + 2] == UInt8(ascii: "{"),
                let close = bytes[(offset + 3)..<end].firstIndex(of: UInt8(ascii: "}"))
            {
                return scalar(hex(offset + 3, close - offset - 3), length: close + 1 - offset)
            }
            guard let unit = hex(offset + 2, 4) else { return (Array("\\\\".utf8), 1) }
            guard (0xD800...0xDFFF).contains(unit) else { return (nil, 6) }
            // A surrogate: kept with its pair; alone, JSON has no character for it.
            if unit < 0xDC00, offset + 12 <= end, bytes[offset + 6] == UInt8(ascii: "\\"),
                bytes[offset + 7] == UInt8(ascii: "u"), let low = hex(offset + 8, 4), (0xDC00...0xDFFF).contains(low)
            {
                return (nil, 12)
            }
            return (Array("\\ufffd".utf8), 6)
        case UInt8(ascii: "U"):
            return scalar(hex(offset + 2, 8), length: 10)
        case UInt8(ascii: "x"):
            return scalar(hex(offset + 2, 2), length: 4)
        case UInt8(ascii: "0"):
            return (Array("\\u0000".utf8), 2)
        case UInt8(ascii: "v"):
            return (Array("\\u000b".utf8), 2)
        case UInt8(ascii: "a"):
            return (Array("\\u0007".utf8), 2)
        case UInt8(ascii: "\n"):
            return ([], 2)
        default:
            // \' is ', \q is q, in each language read here.
            return ([next], 2)
        }
    }
}
