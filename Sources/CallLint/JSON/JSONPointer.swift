/// RFC 6901 JSON Pointer reference tokens.
enum JSONPointer {
    /// Appends a reference token's UTF-8 with `~` written `~0` and `/` written `~1`.
    static func appendEscaped(_ token: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in token {
            switch byte {
            case UInt8(ascii: "~"):
                bytes.append(UInt8(ascii: "~"))
                bytes.append(UInt8(ascii: "0"))
            case UInt8(ascii: "/"):
                bytes.append(UInt8(ascii: "~"))
                bytes.append(UInt8(ascii: "1"))
            default: bytes.append(byte)
            }
        }
    }
}
