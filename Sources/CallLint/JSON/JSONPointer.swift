/// RFC 6901 JSON Pointer reference tokens.
enum JSONPointer {
    /// Writes a reference token's UTF-8 at `count` with `~` written `~0` and `/` written `~1`;
    /// the room must hold twice the token's bytes.
    static func writeEscaped(
        _ token: some Sequence<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>, at count: inout Int
    ) {
        for byte in token {
            switch byte {
            case UInt8(ascii: "~"):
                text[count] = UInt8(ascii: "~")
                text[count + 1] = UInt8(ascii: "0")
                count += 2
            case UInt8(ascii: "/"):
                text[count] = UInt8(ascii: "~")
                text[count + 1] = UInt8(ascii: "1")
                count += 2
            default:
                text[count] = byte
                count += 1
            }
        }
    }
}
