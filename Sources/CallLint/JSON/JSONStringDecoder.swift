/// Decodes a string token (quotes included) that the parser has already validated.
public enum JSONStringDecoder {
    static func decode(_ bytes: [UInt8], _ token: Range<Int>, hasEscapes: Bool) -> String {
        let contents = (token.lowerBound + 1)..<(token.upperBound - 1)
        guard hasEscapes else { return String(decoding: bytes[contents], as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(contents.count)
        var index = contents.lowerBound
        while index < contents.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let (decoded, length) = decodeEscape(bytes, at: index, end: contents.upperBound)
            output.append(contentsOf: decoded)
            index += length
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes the escape at `index` (already validated by the parser) stands for, and its
    /// length: a surrogate pair's two `\u` escapes are one character, when both are before `end`.
    static func decodeEscape(_ bytes: [UInt8], at index: Int, end: Int) -> (decoded: [UInt8], length: Int) {
        let escape = bytes[index + 1]
        switch escape {
        case UInt8(ascii: "b"): return ([0x08], 2)
        case UInt8(ascii: "f"): return ([0x0C], 2)
        case UInt8(ascii: "n"): return ([0x0A], 2)
        case UInt8(ascii: "r"): return ([0x0D], 2)
        case UInt8(ascii: "t"): return ([0x09], 2)
        case UInt8(ascii: "u"):
            var scalar = hexValue(bytes, at: index + 2)
            var length = 6
            if (0xD800...0xDBFF).contains(scalar), index + 12 <= end, bytes[index + 6] == UInt8(ascii: "\\"),
                bytes[index + 7] == UInt8(ascii: "u")
            {
                let low = hexValue(bytes, at: index + 8)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                }
            }
            let decoded = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            return (Array(String(decoded).utf8), length)
        default: return ([escape], 2)  // \" \\ \/
        }
    }

    static func hexValue(_ bytes: [UInt8], at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(hexDigit(bytes[index + offset]) ?? 0)
        }
        return value
    }

    public static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
