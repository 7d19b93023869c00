/// What the scanner says when the text is not JSON: the cause it recognises at a position.
extension JSONScanner {
    // MARK: Errors

    enum Expectation { case value, key }

    func opener(_ container: OpenContainer) -> JSONSyntaxError.Opener {
        JSONSyntaxError.Opener(offset: Int(nodes[Int(container.node)].start), isObject: container.isObject)
    }

    func unexpectedEnd() -> JSONSyntaxError {
        JSONSyntaxError(.unexpectedEnd(open: stack.map(opener)), at: bytes.count..<bytes.count)
    }

    func trailingContent() -> JSONSyntaxError {
        let here = position..<position + 1
        switch bytes[position] {
        case JSONByte.openBrace, JSONByte.openBracket: return JSONSyntaxError(.secondValue, at: here)
        case JSONByte.comma: return JSONSyntaxError(.commaAfterValue, at: here)
        case JSONByte.closeBrace, JSONByte.closeBracket: return JSONSyntaxError(.nothingToClose, at: here)
        default: return unexpected(at: position, expecting: nil)
        }
    }

    func afterValueError(_ top: OpenContainer) -> JSONSyntaxError {
        let byte = bytes[position]
        let here = position..<position + 1
        if byte == JSONByte.closeBrace || byte == JSONByte.closeBracket {
            return JSONSyntaxError(.mismatchedCloser(opener(top)), at: here)
        }
        if byte == JSONByte.quote || byte == JSONByte.openBrace || byte == JSONByte.openBracket
            || byte == JSONByte.minus
            || JSONByte.isDigit(byte) || literal(at: position) != nil
        {
            return JSONSyntaxError(.missingComma(opener(top)), at: here)
        }
        if byte == JSONByte.colon { return JSONSyntaxError(.colonInContainer(opener(top)), at: here) }
        if let special = specialByte(at: position) { return special }
        return JSONSyntaxError(.unexpectedInContainer(opener(top)), at: here)
    }

    /// Explains an unexpected byte where a value or key should begin.
    func unexpected(at index: Int, expecting: Expectation?) -> JSONSyntaxError {
        let byte = bytes[index]
        let here = index..<index + 1
        if let special = specialByte(at: index) { return special }
        if byte == UInt8(ascii: "$"), index + 1 < bytes.count,
            bytes[index + 1] == JSONByte.openBrace || bytes[index + 1] == UInt8(ascii: "!")
        {
            return unquotedPlaceholder(at: index)
        }
        if JSONByte.isWordStart(byte) {
            var end = index
            while end < bytes.count, JSONByte.isWordByte(bytes[end]) || bytes[end] == JSONByte.dot { end += 1 }
            return JSONSyntaxError(expecting == .key ? .unquotedKey : .unquotedWord, at: index..<end)
        }
        switch byte {
        case JSONByte.closeBrace, JSONByte.closeBracket, JSONByte.comma:
            return JSONSyntaxError(.missingValue, at: here)
        case JSONByte.colon:
            return JSONSyntaxError(.unexpectedColon, at: here)
        case JSONByte.plus where index + 1 < bytes.count && JSONByte.isDigit(bytes[index + 1]):
            var end = index + 1
            while end < bytes.count, JSONByte.isDigit(bytes[end]) { end += 1 }
            return JSONSyntaxError(.plusSign, at: index..<end)
        case JSONByte.dot where index + 1 < bytes.count && JSONByte.isDigit(bytes[index + 1]):
            return JSONSyntaxError(.leadingDecimalPoint, at: here)
        case JSONByte.openBrace where index + 1 < bytes.count && bytes[index + 1] == JSONByte.openBrace,
            UInt8(ascii: "<"), UInt8(ascii: "%"):
            return unquotedPlaceholder(at: index)
        default:
            return JSONSyntaxError(.unexpected(expectingKey: expecting == .key), at: here)
        }
    }

    func unquotedPlaceholder(at index: Int) -> JSONSyntaxError {
        var end = index
        while end < bytes.count, !JSONByte.isWhitespace(bytes[end]), bytes[end] != JSONByte.comma { end += 1 }
        return JSONSyntaxError(.unquotedPlaceholder, at: index..<end)
    }

    /// Causes a person recognises: comments, other quote marks, invisible characters,
    /// binary content, invalid UTF-8.
    func specialByte(at index: Int) -> JSONSyntaxError? {
        let byte = bytes[index]
        let remaining = bytes.count - index
        if byte == 0 { return JSONSyntaxError(.nulByte, at: index..<index + 1) }
        if byte == UInt8(ascii: "/"), remaining > 1,
            bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")
        {
            return JSONSyntaxError(.comment, at: index..<index + 2)
        }
        if byte == UInt8(ascii: "'") { return JSONSyntaxError(.singleQuote, at: index..<index + 1) }
        if byte == 0xE2, remaining > 2, bytes[index + 1] == 0x80 {
            switch bytes[index + 2] {
            case 0x9C, 0x9D, 0x98, 0x99, 0x9E: return JSONSyntaxError(.curlyQuote, at: index..<index + 3)
            case 0x8B, 0x8C, 0x8D: return JSONSyntaxError(.zeroWidthCharacter, at: index..<index + 3)
            default: break
            }
        }
        if byte == 0xC2, remaining > 1, bytes[index + 1] == 0xA0 {
            return JSONSyntaxError(.nonBreakingSpace, at: index..<index + 2)
        }
        if byte == 0xEF, remaining > 2, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            return JSONSyntaxError(.byteOrderMarkInside, at: index..<index + 3)
        }
        if byte >= 0x80, UTF8Validation.sequenceLength(bytes, at: index) == nil {
            return JSONSyntaxError(.invalidUTF8(byte), at: index..<index + 1)
        }
        return nil
    }
}
