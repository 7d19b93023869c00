/// JSON string literals: the quoting used by fixes (a value to write) and by the JSON, SARIF
/// and JUnit outputs. Quote, backslash and control characters are escaped, and U+2028/U+2029
/// too, so the output is also valid JavaScript. Works on UTF-8 bytes.
public enum JSONString {
    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        // Most quoted texts (keys in messages) need no escape.
        if !text.utf8.contains(where: { Self.mayNeedEscape[Int($0)] }) { return "\"" + text + "\"" }
        let output = OutputBuffer(capacity: text.utf8.count + 8)
        output.append(jsonString: text)
        return output.text
    }

    /// The bytes that start an escape: controls, quote, backslash, and 0xE2 (U+2028/U+2029
    /// begin with it). A table lookup per byte is what the output's bulk of plain text costs.
    nonisolated(unsafe) static let mayNeedEscape: UnsafeBufferPointer<Bool> = {
        // Made once and never freed: the table lives as long as the process.
        let table = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 256)
        for byte in 0..<256 { table[byte] = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
        return UnsafeBufferPointer(table)
    }()

    /// Whether a word of eight bytes may hold a byte to escape: a control, a quote, a
    /// backslash, or a non-ASCII byte (which the byte table then looks at).
    @inline(__always)
    static func wordMayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
        let control = (word &- 0x20 &* ones) & ~word & high
        return (word & high) | control | hasZeroByte(word ^ (0x22 &* ones)) | hasZeroByte(word ^ (0x5C &* ones)) != 0
    }

    /// Appends `bytes` as a JSON string literal. Runs of bytes that need no escape (nearly all
    /// of them) are copied whole.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: OutputBuffer) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        // Read once: a static's every access checks that it is initialised.
        let mayNeedEscape = Self.mayNeedEscape
        // Bytes before this are looked at one by one: their word holds one to escape.
        var bytewiseUntil = 0
        while index < bytes.count {
            // Eight plain ASCII bytes at a time: no control, quote, backslash or non-ASCII byte.
            if index >= bytewiseUntil {
                while index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if Self.wordMayNeedEscape(word) {
                        bytewiseUntil = index + 8
                        break
                    }
                    index += 8
                }
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            guard mayNeedEscape[Int(byte)] else {
                index += 1
                continue
            }
            var escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0xE2:
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                else {
                    index += 1
                    continue
                }
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                break
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if let escape {
                output.append(escape)
            } else {
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                output.append("\\u00" as StaticString)
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0xF)])
            }
            index += width
            runStart = index
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        output.append(UInt8(ascii: "\""))
    }
}
