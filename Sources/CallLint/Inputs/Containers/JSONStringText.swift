/// A JSON string value of a file, unescaped into the text it holds, mapped to the file: a body
/// kept in a data action's `requestTemplate`, a Postman `raw` body, a HAR `postData.text`.
/// Runs without escapes are copied (a fix there is written back, escaped); each escape stands
/// for its whole `\…` sequence.
enum JSONStringText {
    static func unescaped(_ value: JSONValue, in text: MappedText) -> MappedText {
        var builder = MappedTextBuilder(base: text)
        let bytes = text.bytes
        let end = value.range.upperBound - 1
        var copied = value.range.lowerBound + 1
        var index = copied
        while index < end {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            builder.copy(copied..<index)
            let (decoded, length) = decodeEscape(bytes, at: index, end: end)
            builder.write(decoded, for: index..<index + length)
            index += length
            copied = index
        }
        builder.copy(copied..<end)
        return builder.text
    }

    /// The bytes an escape (already validated by the parser) stands for, and its length.
    static func decodeEscape(_ bytes: [UInt8], at index: Int, end: Int) -> ([UInt8], Int) {
        let letter = bytes[index + 1]
        switch letter {
        case UInt8(ascii: "n"): return ([0x0A], 2)
        case UInt8(ascii: "t"): return ([0x09], 2)
        case UInt8(ascii: "r"): return ([0x0D], 2)
        case UInt8(ascii: "b"): return ([0x08], 2)
        case UInt8(ascii: "f"): return ([0x0C], 2)
        case UInt8(ascii: "u"):
            guard let unit = hex(bytes, index + 2, end) else { return ([], 2) }
            var scalarValue = unit
            var length = 6
            if unit >= 0xD800, unit < 0xDC00, index + 12 <= end, bytes[index + 6] == UInt8(ascii: "\\"),
                bytes[index + 7] == UInt8(ascii: "u"), let low = hex(bytes, index + 8, end), low >= 0xDC00,
                low < 0xE000
            {
                scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                length = 12
            }
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), length)
        default:
            return ([letter], 2)  // \" \\ \/
        }
    }

    static func hex(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
