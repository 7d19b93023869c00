extension JSONSyntaxError {
    /// The error in words, for any JSON text (a request body, a configuration file). Lines and
    /// columns it names are the source's, in its file's terms.
    public func text(in source: SourceText) -> Text {
        let found = source.text(range)
        func opened(_ offset: Int) -> String {
            let location = source.location(of: offset)
            return "line \(location.line), column \(location.column)"
        }
        func owner(_ opener: Opener) -> String {
            "the \(opener.isObject ? "object" : "array") opened at \(opened(opener.offset))"
        }
        func text(_ message: String, _ help: String? = nil) -> Text { Text(message: message, help: help) }
        switch cause {
        case .tooLarge:
            return text("input is 2 GiB or larger")
        case .emptyInput:
            return text("empty input: no JSON value")
        case .onlyWhitespace:
            return text("input holds only whitespace: no JSON value")
        case .byteOrderMarkAtStart:
            return text(
                "byte-order mark (U+FEFF) at the start of the input",
                "save the file as UTF-8 without a BOM; RFC 8259 does not allow one in JSON")
        case .utf16ByteOrderMark:
            return text("input is UTF-16 (it starts with a UTF-16 byte-order mark)", "save the file as UTF-8")
        case .utf16NulBytes:
            return text("input looks like UTF-16 (every other byte is NUL)", "save the file as UTF-8")
        case .tooDeep(let limit):
            return text("nesting deeper than \(limit) levels")
        case .unclosedString:
            return text("string opened at \(opened(range.lowerBound)) is never closed", "add the closing `\"`")
        case .controlCharacterInString(let byte):
            if byte == UInt8(ascii: "\n") {
                return text(
                    "a line break inside a string",
                    "a string must end on the line it starts; close it with `\"`, or write \\n for a line break "
                        + "inside it"
                )
            }
            if byte == UInt8(ascii: "\t") { return text("a tab inside a string", "write it escaped as \\t") }
            let code = hex(UInt32(byte), width: 4)
            return text("control character U+\(code) inside a string", "write it escaped as \\u\(code)")
        case .invalidUTF8InString(let byte):
            return text(
                "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2)) inside a string",
                "save the file as UTF-8; JSON text must be valid UTF-8")
        case .invalidEscape:
            return text(
                "invalid escape `\(found)` in a string",
                "JSON knows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash itself as \\\\")
        case .incompleteUnicodeEscape:
            return text(
                "`\\u` must be followed by four hex digits", "write the character as \\uXXXX, for example \\u00e9")
        case .loneSurrogate(let unit):
            return text(
                "lone UTF-16 surrogate \\u\(hex(unit, width: 4)) in a string",
                "a surrogate must come as a high-low pair (\\uD83D\\uDE00); alone it is no character and cannot "
                    + "become UTF-8"
            )
        case .minusWithoutDigit:
            return text("`-` must be followed by a digit")
        case .leadingZero:
            return text(
                "number \(found) has a leading zero, which JSON does not allow", "write it without the leading zero")
        case .decimalPointWithoutDigit:
            return text("a decimal point must be followed by a digit", "write \(found)0, or drop the `.`")
        case .exponentWithoutDigits:
            return text("an exponent must have digits")
        case .unexpectedInNumber(let number):
            return text("unexpected `\(found)` in the number \(source.text(number))")
        case .plusSign:
            return text("a number must not start with `+`", "write \(found.dropFirst())")
        case .leadingDecimalPoint:
            return text("a number must not start with `.`", "write a 0 before the decimal point")
        case .unexpectedEnd(let open):
            guard let innermost = open.last else { return text("unexpected end of input") }
            let more = open.count > 1 ? " (and \(open.count - 1) enclosing it)" : ""
            let closers = open.reversed().map(\.closer).joined()
            return text(
                "unexpected end of input: \(owner(innermost)) is never closed\(more)",
                "the input may be cut short; it needs `\(closers)` to close")
        case .trailingComma(let opener):
            return text(
                "trailing comma before `\(opener.closer)`",
                "remove the `,`: JSON does not allow a comma after the last \(opener.isObject ? "member" : "element")")
        case .missingColon(let key):
            let keyText = source.text(key)
            return text(
                "expected `:` after the key \(keyText)",
                found == "="
                    ? "write `:` between a key and its value, not `=`" : "write \(keyText): followed by the value")
        case .secondValue:
            return text("a second JSON value after the first one", "a JSON text holds one value")
        case .commaAfterValue:
            return text("unexpected `,` after the end of the JSON value", "remove it")
        case .nothingToClose:
            return text(
                "unexpected `\(found)`: nothing is open to close", "remove it, or add the opening bracket it belongs to"
            )
        case .mismatchedCloser(let opener):
            return text("`\(found)` does not match \(owner(opener))", "close it with `\(opener.closer)`")
        case .missingComma(let opener):
            return text(
                "missing `,` between \(opener.isObject ? "members" : "elements") of \(owner(opener))",
                "add a `,` before this")
        case .colonInContainer(let opener):
            return text(
                "unexpected `:` in \(owner(opener))",
                opener.isObject
                    ? "a member is \"key\": value; is a comma missing, or a key unquoted?"
                    : "an array holds values only; use an object for key: value pairs")
        case .unexpectedInContainer(let opener):
            return text(
                "expected `,` or `\(opener.closer)` in \(owner(opener)), found "
                    + "\(describe(at: range.lowerBound, in: source))"
            )
        case .contentAfterArray:
            return text("unexpected content after the end of the array")
        case .unquotedKey:
            return text(
                "object key `\(found)` is not in double quotes",
                "write \"\(found)\": JSON keys are always double-quoted strings")
        case .unquotedWord:
            switch found {
            case "True", "TRUE": return text("`\(found)` is not JSON", "JSON's booleans are lowercase: write true")
            case "False", "FALSE": return text("`\(found)` is not JSON", "JSON's booleans are lowercase: write false")
            case "None", "NULL", "Null", "nil", "undefined":
                return text("`\(found)` is not JSON", "JSON spells the empty value null: write null")
            case "NaN", "Infinity":
                return text("`\(found)` is not JSON", "JSON has no \(found): write a string or a finite number")
            default:
                return text("unquoted text `\(found)`", "strings are written in double quotes: \"\(found)\"")
            }
        case .missingValue:
            return found == ","
                ? text("missing value before `,`", "write a value, or remove the extra `,`")
                : text("missing value before `\(found)`", "write a value, or remove the key or comma before it")
        case .unexpectedColon:
            return text("unexpected `:`", "a member is written \"key\": value")
        case .unexpected(let expectingKey):
            let what = expectingKey ? "a key in double quotes" : "a value"
            return text("expected \(what), found \(describe(at: range.lowerBound, in: source))")
        case .unquotedPlaceholder:
            return text("template placeholder \(found) outside a string", "quote it: \"\(found)\"")
        case .nulByte:
            return text("NUL byte (0x00): this looks like a binary file, not JSON text")
        case .comment:
            return text("comments are not allowed in JSON", "remove the comment")
        case .singleQuote:
            return text("single quotes are not JSON", "write strings and keys in double quotes: \"...\"")
        case .curlyQuote:
            return text(
                "curly quote \(found) instead of a straight double quote",
                "this usually comes from copying out of a web page, word processor or chat; replace every “ ” ‘ ’ "
                    + "with \""
            )
        case .zeroWidthCharacter:
            let code = found.unicodeScalars.first.map { hex($0.value, width: 4) } ?? "200B"
            return text(
                "invisible zero-width character (U+\(code)) between tokens",
                "delete it; it is usually pasted along from a web page or chat")
        case .nonBreakingSpace:
            return text(
                "non-breaking space (U+00A0) between tokens",
                "replace it with a plain space; JSON whitespace is space, tab, CR and LF only")
        case .byteOrderMarkInside:
            return text("byte-order mark (U+FEFF) inside the input", "delete it; files joined together often carry one")
        case .invalidUTF8(let byte):
            return text(
                "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))",
                "save the file as UTF-8; a binary or differently encoded file cannot be checked")
        }
    }

    /// The character at an offset, named so that an invisible or odd one shows.
    func describe(at index: Int, in source: SourceText) -> String {
        let bytes = source.bytes
        guard index < bytes.count else { return "the end of input" }
        let byte = bytes[index]
        if byte >= 0x80, let length = UTF8Validation.sequenceLength(bytes, at: index) {
            let text = source.text(index..<index + length)
            guard let scalar = text.unicodeScalars.first else { return "`\(text)`" }
            let code = "U+" + hex(scalar.value, width: 4)
            // A character that would be shown escaped is named by its code point once.
            return VisibleText.needsEscape(scalar) ? code : "`\(text)` (\(code))"
        }
        if byte < 0x20 || byte == 0x7F { return "control character 0x\(hex(UInt32(byte), width: 2))" }
        return "`\(Character(Unicode.Scalar(byte)))`"
    }
}

func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
