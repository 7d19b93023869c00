/// A Python dict or a JavaScript/TypeScript object literal, read as the JSON the program sends:
/// what `requests.post(url, json=payload)` or `JSON.stringify(body)` makes of it. Single quotes,
/// `None`/`True`/`False`, unquoted keys, comments and trailing commas are the language's and
/// not mistakes; identifiers, calls and template literals are values the program fills in, read
/// as template values. Positions stay those of the code.
struct CodeLiteral {
    enum Language {
        case python, javascript

        var note: String {
            switch self {
            case .python: return "read a Python dict; checked it as the JSON requests.post(json=...) sends"
            case .javascript: return "read a JavaScript object literal; checked it as the JSON JSON.stringify makes"
            }
        }
    }

    /// The literal in the text, when the text is code: with `language` nil, only when it has
    /// something JSON does not (single quotes, `None`, an unquoted key, a comment, an
    /// identifier as a value); a text that is merely broken JSON stays JSON.
    static func bodies(in text: MappedText, language forced: Language?) -> [EmbeddedBody]? {
        guard let start = literalStart(in: text.bytes) else { return nil }
        var translator = Translator(base: text)
        guard translator.translate(from: start) else { return nil }
        let evidence = translator.evidence
        let language: Language
        if let forced {
            language = forced
        } else {
            guard !translator.sawTemplateSyntax, evidence.python || evidence.javascript || evidence.singleQuotes else {
                return nil
            }
            language = evidence.javascript && !evidence.python ? .javascript : .python
        }
        let noteRange = text.map.original(start..<start + 1)
        // In Python a bare key is a variable: a fix carried into the code could rename it, so
        // none is (with --fix, standard input is then printed as JSON).
        let quoting: ReplacementQuoting =
            language == .javascript ? .plain : translator.hasBareKeys ? .none : .python
        return [
            EmbeddedBody(
                text: translator.builder.text, note: language.note, noteRange: noteRange,
                quoting: quoting, templateValues: translator.templateValues)
        ]
    }

    /// Where the literal starts: the `{` after `JSON.stringify(`, `json.dumps(` or `json=` when
    /// there is one, else the first `{` outside strings and comments.
    static func literalStart(in bytes: [UInt8]) -> Int? {
        var first: Int?
        for anchor in ["JSON.stringify(", "json.dumps(", "json="] {
            let marker = Array(anchor.utf8)
            guard bytes.count >= marker.count else { continue }
            for index in 0...(bytes.count - marker.count)
            where bytes[index..<index + marker.count].elementsEqual(marker) {
                var after = index + marker.count
                while after < bytes.count, JSONByte.isWhitespace(bytes[after]) { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: "{") { return after }
            }
        }
        var index = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == open || byte == UInt8(ascii: "\n") {
                    quote = nil
                }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
            } else if byte == UInt8(ascii: "#")
                || (byte == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"))
            {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "{") {
                first = index
                break
            }
            index += 1
        }
        return first
    }

    /// Translates one literal into JSON, token by token.
    struct Translator {
        struct Evidence {
            var python = false
            var javascript = false
            var singleQuotes = false
        }

        var builder: MappedTextBuilder
        var templateValues: Set<Int> = []
        var evidence = Evidence()
        /// A placeholder or directive of a template outside strings: then the text is a
        /// template, not code.
        var sawTemplateSyntax = false
        /// A key written without quotes: a name in JavaScript, a variable in Python.
        var hasBareKeys = false
        var bytes: [UInt8] { builder.base.bytes }
        var index = 0

        init(base: MappedText) {
            builder = MappedTextBuilder(base: base)
        }

        enum Container { case object, array }

        /// - Returns: whether a whole literal was read.
        mutating func translate(from start: Int) -> Bool {
            index = start
            var stack: [Container] = []
            var expectingKey = false
            while index < bytes.count {
                skipSpaceAndComments()
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "{"):
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { sawTemplateSyntax = true }
                    copy(1)
                    stack.append(.object)
                    expectingKey = true
                    // Deeper than the parser follows: what is read is enough for it to say so,
                    // and the rest would only cost memory.
                    if stack.count > JSONParser.defaultMaxDepth { return true }
                    continue
                case UInt8(ascii: "["):
                    copy(1)
                    stack.append(.array)
                    expectingKey = false
                    if stack.count > JSONParser.defaultMaxDepth { return true }
                    continue
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    copy(1)
                    _ = stack.popLast()
                    if stack.isEmpty { return true }
                    expectingKey = false
                    continue
                case UInt8(ascii: ","):
                    // A trailing comma is the language's; JSON has none.
                    let comma = index
                    index += 1
                    let afterComma = index
                    skipSpaceAndComments(copying: false)
                    if index < bytes.count, bytes[index] == UInt8(ascii: "}") || bytes[index] == UInt8(ascii: "]") {
                        builder.write([], for: comma..<comma + 1)
                    } else {
                        builder.copy(comma..<comma + 1)
                    }
                    builder.copy(afterComma..<afterComma)
                    index = afterComma
                    expectingKey = stack.last == .object
                    continue
                case UInt8(ascii: ":"):
                    copy(1)
                    expectingKey = false
                    continue
                default: break
                }
                if expectingKey {
                    guard readKey() else { return false }
                } else {
                    guard readValue() else { return false }
                }
            }
            return false
        }

        mutating func copy(_ count: Int) {
            builder.copy(index..<index + count)
            index += count
        }

        /// Blanks are copied; comments are dropped.
        mutating func skipSpaceAndComments(copying: Bool = true) {
            while index < bytes.count {
                let byte = bytes[index]
                if JSONByte.isWhitespace(byte) {
                    if copying { copy(1) } else { index += 1 }
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                    evidence.javascript = true
                    let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    if copying { builder.write([], for: index..<end) }
                    index = end
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                    evidence.javascript = true
                    var end = index + 2
                    while end + 1 < bytes.count,
                        !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/"))
                    {
                        end += 1
                    }
                    end = min(bytes.count, end + 2)
                    if copying { builder.write([], for: index..<end) }
                    index = end
                } else if byte == UInt8(ascii: "#") {
                    // A Python comment, unless a template's directive.
                    if index + 1 < bytes.count,
                        PlaceholderSyntax.isLetter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "{")
                    {
                        sawTemplateSyntax = true
                    }
                    evidence.python = true
                    let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    if copying { builder.write([], for: index..<end) }
                    index = end
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                    if copying { builder.write([UInt8(ascii: " ")], for: index..<index + 2) }
                    index += 2
                } else {
                    return
                }
            }
        }

        mutating func readKey() -> Bool {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return readString() }
            if byte == UInt8(ascii: "["), let end = expressionEnd(from: index, stopAtColon: true) {
                // [computed]: a key the program works out.
                evidence.javascript = true
                writeTemplateValue(index..<end)
                return true
            }
            if byte == UInt8(ascii: "."), bytes[index...].starts(with: Array("...".utf8)) {
                // ...spread: members the program adds; they cannot be read here.
                evidence.javascript = true
                let end = expressionEnd(from: index, stopAtColon: false) ?? bytes.count
                var after = end
                while after < bytes.count, JSONByte.isWhitespace(bytes[after]) { after += 1 }
                let dropped = after < bytes.count && bytes[after] == UInt8(ascii: ",") ? after + 1 : end
                builder.write([], for: index..<dropped)
                index = dropped
                return true
            }
            guard JSONByte.isWordStart(byte) || JSONByte.isDigit(byte) else { return false }
            var end = index
            while end < bytes.count, JSONByte.isWordStart(bytes[end]) || JSONByte.isDigit(bytes[end]) { end += 1 }
            evidence.javascript = true
            hasBareKeys = true
            var after = end
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") {
                after += 1
            }
            let name = index..<end
            index = end
            let isShorthand = !(after < bytes.count && bytes[after] == UInt8(ascii: ":"))
            builder.write([UInt8(ascii: "\"")], for: name.lowerBound..<name.lowerBound)
            if isShorthand {
                // { callerID } names a variable as well as the key: written, not copied, so that
                // no fix renames the key in the code (it would send another variable).
                builder.write(bytes[name], for: name)
            } else {
                builder.copy(name)
            }
            builder.write([UInt8(ascii: "\"")], for: name.upperBound..<name.upperBound)
            guard isShorthand else { return true }
            // Shorthand { phoneNumber }: the key, and a variable of that name as its value.
            builder.write(Array(": ".utf8), for: name.upperBound..<name.upperBound)
            writeTemplateValue(name, advancing: false)
            return true
        }

        mutating func readValue() -> Bool {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return readString() }
            if byte == UInt8(ascii: "-") || JSONByte.isDigit(byte) {
                var end = index + 1
                while end < bytes.count,
                    JSONByte.isDigit(bytes[end])
                        || [
                            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                            UInt8(ascii: "-"),
                        ].contains(bytes[end])
                {
                    end += 1
                }
                // 3175550100 + 1, 10 ** 3: an expression.
                if let expressionEnd = expressionEnd(from: index, stopAtColon: false),
                    bytes[end..<expressionEnd].contains(where: { !JSONByte.isWhitespace($0) })
                {
                    writeTemplateValue(index..<expressionEnd)
                    return true
                }
                copy(end - index)
                return true
            }
            // Python string prefixes: r'…', u'…', b'…'; f'…' is filled in by the program.
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") || bytes[index + 1] == UInt8(ascii: "\""),
                [
                    UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "R"),
                    UInt8(ascii: "U"), UInt8(ascii: "F"),
                ].contains(byte)
            {
                evidence.python = true
                if byte == UInt8(ascii: "f") || byte == UInt8(ascii: "F") {
                    let end = quotedEnd(from: index + 1)
                    writeTemplateValue(index..<end)
                    return true
                }
                builder.write([], for: index..<index + 1)
                index += 1
                return readString(raw: byte == UInt8(ascii: "r") || byte == UInt8(ascii: "R"))
            }
            if byte == UInt8(ascii: "`") {
                evidence.javascript = true
                let end = quotedEnd(from: index)
                let content = bytes[(index + 1)..<max(index + 1, end - 1)]
                if TemplateDirectives.contains(content, "${") {
                    writeTemplateValue(index..<end)
                } else {
                    builder.write([UInt8(ascii: "\"")], for: index..<index + 1)
                    index += 1
                    copyStringContent(until: end - 1, quote: UInt8(ascii: "`"), raw: false)
                    builder.write([UInt8(ascii: "\"")], for: end - 1..<end)
                    index = end
                }
                return true
            }
            if byte == UInt8(ascii: "$") || (byte == UInt8(ascii: "{")) {
                sawTemplateSyntax = true
            }
            guard let end = expressionEnd(from: index, stopAtColon: false), end > index else { return false }
            let word = String(decoding: bytes[index..<end], as: UTF8.self)
            switch word {
            case "None", "True", "False":
                evidence.python = true
                builder.write(word == "None" ? "null" : word == "True" ? "true" : "false", for: index..<end)
                index = end
            case "null", "true", "false":
                copy(end - index)
            default:
                if word == "undefined" { evidence.javascript = true }
                writeTemplateValue(index..<end)
            }
            return true
        }

        /// A value the program fills in, as a string holding its code.
        mutating func writeTemplateValue(_ range: Range<Int>, advancing: Bool = true) {
            templateValues.insert(builder.bytes.count)
            let code = String(decoding: bytes[range], as: UTF8.self)
            builder.write(Array(JSONString.quoted(code).utf8), for: range)
            if advancing { index = range.upperBound }
        }

        /// Where an expression ends: at a `,`, `}` or `]` (or `:` for a key) outside brackets and
        /// strings, with trailing blanks left out.
        func expressionEnd(from start: Int, stopAtColon: Bool) -> Int? {
            var depth = 0
            var end = start
            // A value longer than this is not one a request body holds: reading stops, so that
            // a hostile text costs linear time.
            let limit = min(bytes.count, start + PlaceholderSyntax.maximumLength)
            while end < limit {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                    end = quotedEnd(from: end)
                    continue
                }
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    if depth == 0 { break }
                    depth -= 1
                    if depth == 0, stopAtColon {
                        end += 1
                        break
                    }
                } else if depth == 0, byte == UInt8(ascii: ",") {
                    break
                } else if depth == 0, stopAtColon, byte == UInt8(ascii: ":") {
                    break
                }
                end += 1
            }
            guard end < limit || limit == bytes.count else { return nil }
            while end > start, JSONByte.isWhitespace(bytes[end - 1]) { end -= 1 }
            return end > start ? end : nil
        }

        /// The offset after the string that opens at `start` (its quote).
        func quotedEnd(from start: Int) -> Int {
            let quote = bytes[start]
            var end = start + 1
            while end < bytes.count, bytes[end] != quote {
                if bytes[end] == UInt8(ascii: "\\") { end += 1 }
                if quote != UInt8(ascii: "`"), bytes[end] == UInt8(ascii: "\n") { break }
                end += 1
            }
            return min(bytes.count, end + 1)
        }

        /// A string in single or double quotes, as a JSON string.
        mutating func readString(raw: Bool = false) -> Bool {
            let quote = bytes[index]
            if quote == UInt8(ascii: "'") { evidence.singleQuotes = true }
            let end = quotedEnd(from: index)
            guard end - 1 > index, bytes[end - 1] == quote else { return false }
            if quote == UInt8(ascii: "\"") {
                builder.copy(index..<index + 1)
            } else {
                builder.write([UInt8(ascii: "\"")], for: index..<index + 1)
            }
            index += 1
            copyStringContent(until: end - 1, quote: quote, raw: raw)
            if quote == UInt8(ascii: "\"") {
                builder.copy(end - 1..<end)
            } else {
                builder.write([UInt8(ascii: "\"")], for: end - 1..<end)
            }
            index = end
            return true
        }

        /// A string's content up to `end`, with the escapes JSON lacks written as JSON's.
        mutating func copyStringContent(until end: Int, quote: UInt8, raw: Bool) {
            var copied = index
            while index < end {
                let byte = bytes[index]
                var replacement: [UInt8]?
                var length = 1
                if byte == UInt8(ascii: "\"") {
                    replacement = Array("\\\"".utf8)
                } else if byte < 0x20 {
                    replacement = Array(JSONString.quoted(String(UnicodeScalar(byte))).utf8.dropFirst().dropLast())
                } else if byte == UInt8(ascii: "\\"), index + 1 < end {
                    let next = bytes[index + 1]
                    length = 2
                    if raw {
                        replacement = Array("\\\\".utf8)
                        length = 1
                    } else if next == UInt8(ascii: "'") || next == UInt8(ascii: "`") {
                        replacement = [next]
                    } else if next == UInt8(ascii: "x"), index + 3 < end {
                        replacement = Array("\\u00".utf8) + bytes[(index + 2)..<(index + 4)]
                        length = 4
                    } else if next == UInt8(ascii: "0") {
                        replacement = Array("\\u0000".utf8)
                    } else if next == UInt8(ascii: "v") {
                        replacement = Array("\\u000b".utf8)
                    } else if next == UInt8(ascii: "a") {
                        replacement = Array("\\u0007".utf8)
                    } else if next == UInt8(ascii: "\n") {
                        replacement = []
                    } else if !Array("\"\\/bfnrtu".utf8).contains(next) {
                        replacement = [next]  // \q is q in both languages
                    } else {
                        index += 2
                        continue
                    }
                }
                if let replacement {
                    builder.copy(copied..<index)
                    builder.write(replacement, for: index..<index + length)
                    index += length
                    copied = index
                } else {
                    index += 1
                }
            }
            builder.copy(copied..<end)
            index = end
        }
    }
}
