/// Genesys ids are UUIDs: 8-4-4-4-12 hexadecimal digits.
enum IdentifierSyntax {
    static func isUUID(_ text: String) -> Bool { isUUID(text.utf8) }

    /// The same test over UTF-8 bytes: the clean-body screen asks it of raw JSON text.
    static func isUUID(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        var index = 0
        for byte in bytes {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if JSONStringDecoder.hexDigit(byte) == nil {
                return false
            }
            index += 1
        }
        return true
    }

    /// Why a value is not an id, and the id when it can be recovered.
    static func diagnose(_ text: String) -> (problem: String, corrected: String?) {
        let trimmed = InvisibleCharacters.cleaned(text)
        if trimmed != text, isUUID(trimmed) {
            return ("has whitespace or invisible characters around the id", trimmed)
        }
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), isUUID(String(trimmed.dropFirst().dropLast())) {
            return ("is wrapped in braces", String(trimmed.dropFirst().dropLast()))
        }
        if trimmed.utf8.count == 32, trimmed.utf8.allSatisfy({ JSONStringDecoder.hexDigit($0) != nil }) {
            let c = Array(trimmed)
            let dashed =
                String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
                + String(c[20..<32])
            return ("has no hyphens", dashed)
        }
        if trimmed.containsASCII("@") {
            return ("is an email address, not an id; look up the id of the user or queue it names", nil)
        }
        if trimmed.hasPrefix("+") || (trimmed.count >= 7 && trimmed.allSatisfy { $0.isNumber }) {
            return ("is a phone number, not an id; to dial a number use `phoneNumber`", nil)
        }
        if trimmed.isEmpty { return ("is empty", nil) }
        return ("is not a UUID (8-4-4-4-12 hex digits, like 3fa85f64-5717-4562-b3fc-2c963f66afa6)", nil)
    }
}
