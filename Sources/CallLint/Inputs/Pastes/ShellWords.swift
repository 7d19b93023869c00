/// The words of a shell command as the shell passes them to the program, each mapped to the
/// command's text: quotes removed, `\`-escapes and `$'…'` sequences decoded, line
/// continuations joined. Enough of POSIX sh (and bash's `$'…'`) for the commands that tools
/// and forum posts write: no expansions are made, so `$VAR` stays as written.
struct ShellWords {
    struct Word {
        let text: MappedText
        /// Where the word is in the command's text.
        let range: Range<Int>
        /// How the word was quoted, when it was one quoted piece: how a fix is written into it.
        let quoting: ReplacementQuoting
    }

    /// Splits the command that starts at `start` of `text`, up to the end of its line (or a
    /// `;`, `|`, `&` outside quotes).
    static func split(_ text: MappedText, from start: Int) -> [Word] {
        let bytes = text.bytes
        var words: [Word] = []
        var index = start
        while index < bytes.count {
            // Blanks and line continuations between words.
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    index += 1
                } else if let length = continuation(bytes, index) {
                    index += length
                } else {
                    break
                }
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "#")
            {
                break
            }
            let (word, end) = readWord(text, from: index)
            words.append(word)
            index = end
        }
        return words
    }

    /// `\` and a line break (also `\` CR LF): the command goes on on the next line.
    static func continuation(_ bytes: [UInt8], _ index: Int) -> Int? {
        guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else { return nil }
        if bytes[index + 1] == UInt8(ascii: "\n") { return 2 }
        if bytes[index + 1] == UInt8(ascii: "\r"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "\n") {
            return 3
        }
        return nil
    }

    static func readWord(_ text: MappedText, from start: Int) -> (Word, Int) {
        let bytes = text.bytes
        var builder = MappedTextBuilder(base: text)
        var index = start
        var pieces: [ReplacementQuoting] = []
        func isEnd(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|")
                || byte == UInt8(ascii: "&")
        }
        while index < bytes.count, !isEnd(bytes[index]) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "'")) ?? bytes.count
                builder.write([], for: index..<index + 1)
                builder.copy(index + 1..<close)
                if close < bytes.count { builder.write([], for: close..<close + 1) }
                pieces.append(.shellSingleQuotes)
                index = min(bytes.count, close + 1)
            } else if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                index = readANSIC(bytes, from: index, into: &builder)
                pieces.append(.shellANSIC)
            } else if byte == UInt8(ascii: "\"") {
                builder.write([], for: index..<index + 1)
                index += 1
                var copied = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        let next = bytes[index + 1]
                        if let length = continuation(bytes, index) {
                            builder.copy(copied..<index)
                            builder.write([], for: index..<index + length)
                            index += length
                            copied = index
                            continue
                        }
                        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$")
                            || next == UInt8(ascii: "`")
                        {
                            builder.copy(copied..<index)
                            builder.write([next], for: index..<index + 2)
                            index += 2
                            copied = index
                            continue
                        }
                    }
                    index += 1
                }
                builder.copy(copied..<index)
                if index < bytes.count {
                    builder.write([], for: index..<index + 1)
                    index += 1
                }
                pieces.append(.shellDoubleQuotes)
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if let length = continuation(bytes, index) {
                    builder.write([], for: index..<index + length)
                    index += length
                } else {
                    builder.write([bytes[index + 1]], for: index..<index + 2)
                    index += 2
                }
                pieces.append(.none)
            } else {
                var end = index
                while end < bytes.count, !isEnd(bytes[end]), bytes[end] != UInt8(ascii: "'"),
                    bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
                    !(bytes[end] == UInt8(ascii: "$") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "'"))
                {
                    end += 1
                }
                builder.copy(index..<end)
                pieces.append(.none)
                index = end
            }
        }
        let quoting = pieces.count == 1 ? pieces[0] : .none
        return (Word(text: builder.text, range: start..<index, quoting: quoting), index)
    }

    /// bash's `$'…'`: C escapes decoded.
    static func readANSIC(_ bytes: [UInt8], from start: Int, into builder: inout MappedTextBuilder) -> Int {
        builder.write([], for: start..<start + 2)
        var index = start + 2
        var copied = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            builder.copy(copied..<index)
            let letter = bytes[index + 1]
            var length = 2
            var decoded: [UInt8]
            switch letter {
            case UInt8(ascii: "n"): decoded = [0x0A]
            case UInt8(ascii: "t"): decoded = [0x09]
            case UInt8(ascii: "r"): decoded = [0x0D]
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let maximum = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                var digits = 0
                while digits < maximum, index + 2 + digits < bytes.count,
                    let digit = Character(UnicodeScalar(bytes[index + 2 + digits])).hexDigitValue
                {
                    value = value << 4 | UInt32(digit)
                    digits += 1
                }
                length += digits
                if letter == UInt8(ascii: "x") {
                    decoded = [UInt8(truncatingIfNeeded: value)]
                } else {
                    decoded = Array(String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
                }
            default: decoded = [letter]  // \' \" \\ and the rest as themselves
            }
            builder.write(decoded, for: index..<index + length)
            index += length
            copied = index
        }
        builder.copy(copied..<index)
        if index < bytes.count {
            builder.write([], for: index..<index + 1)
            index += 1
        }
        return index
    }
}
