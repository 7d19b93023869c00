/// File names are bytes, not always UTF-8 (`caf\xE9.json` written by a Latin-1 system), while
/// call-lint handles names as Strings. A byte that is not part of valid UTF-8 is carried in the
/// String as one of 256 code points at the very end of Unicode's last private use plane
/// (U+10FF00 + byte), and turned back into that byte when the name goes to the system: the name
/// opened is the name given. Printed, such a byte shows as `\x{E9}`.
public enum FileName {
    static let rawByteBase: UInt32 = 0x10FF00

    /// A name from the system (an argument, a folder entry, the working folder).
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        // Decoding repairs invalid bytes to U+FFFD (EF BF BD): with none of those and the same
        // length, the name was valid UTF-8 (nearly always), and the String is a plain native one.
        let decoded = String(decoding: bytes, as: UTF8.self)
        if decoded.utf8.count == bytes.count, !decoded.utf8.contains(0xEF) { return decoded }
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let length = UTF8Validation.sequenceLength(bytes, at: index),
                let text = String(validating: bytes[index..<index + length], as: UTF8.self)
            {
                scalars.append(contentsOf: text.unicodeScalars)
                index += length
            } else {
                scalars.append(Unicode.Scalar(rawByteBase + UInt32(bytes[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes of a name for a system call, NUL-terminated.
    public static func systemBytes(_ name: String) -> [CChar] {
        // Nearly every name carries no raw byte (those are U+10FFxx, whose UTF-8 starts with F4).
        guard carriesRawBytes(name) else { return name.utf8CString.map { $0 } }
        var bytes: [CChar] = []
        bytes.reserveCapacity(name.utf8.count + 1)
        for scalar in name.unicodeScalars {
            if let raw = rawByte(scalar) {
                bytes.append(CChar(bitPattern: raw))
            } else {
                UTF8.encode(scalar) { bytes.append(CChar(bitPattern: $0)) }
            }
        }
        bytes.append(0)
        return bytes
    }

    /// Whether a name carries any byte: those scalars, U+10FFxx, begin with F4 in UTF-8.
    static func carriesRawBytes(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(0xF4) } ?? name.utf8.contains(0xF4)
    }

    /// The byte a scalar carries, when it carries one.
    static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= rawByteBase && scalar.value <= rawByteBase + 0xFF ? UInt8(scalar.value - rawByteBase) : nil
    }

    /// The name as a report shows it: carried bytes as `\x{E9}`.
    public static func displayed(_ name: String) -> String {
        guard carriesRawBytes(name) else { return name }
        var shown = ""
        for scalar in name.unicodeScalars {
            if let raw = rawByte(scalar) {
                shown += shownRawByte(raw)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// How a carried byte is printed: `\x{E9}`.
    static func shownRawByte(_ raw: UInt8) -> String { "\\x{" + hex(UInt32(raw), width: 2) + "}" }
}
