/// Finds the number or address a mistaken structure wraps: the "+1..." inside
/// `{"phoneNumber": {"phoneNumber": "+1..."}}` or `"to": {"address": "sip:..."}`.
enum EmbeddedAddress {
    static let addressKeys: Set<String> = [
        "phoneNumber", "number", "address", "phone", "e164", "value", "callerId", "uri",
    ]

    /// The single string that holds the address, or nil when there is none or more than one.
    static func find(in value: JSONValue) -> JSONValue? {
        if value.kind == .string { return looksLikeAddress(value) ? value : nil }
        let candidates = value.descendants.filter { inner in
            inner.kind == .string && (addressKeys.contains(inner.key ?? "") || looksLikeAddress(inner))
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    static func looksLikeAddress(_ value: JSONValue) -> Bool {
        guard let text = value.stringValue.map(InvisibleCharacters.cleaned) else { return false }
        if text.lowercasedHasPrefix("sip:") || text.lowercasedHasPrefix("tel:") || text.containsASCII("@") {
            return true
        }
        return looksLikeNumber(text)
    }

    /// Five digits or more, with nothing but separators and a `+` besides.
    static func looksLikeNumber(_ text: String) -> Bool {
        // Plain ASCII with fewer than five digits is no number, and needs no reading (other
        // scripts' digits count too, so only ASCII text is decided here).
        var asciiDigits = 0
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { asciiDigits += 1 }
        }
        if isASCII && asciiDigits < 5 { return false }
        let number = PhoneNumberText(text)
        return number.digits.count >= 5 && number.letters.isEmpty && number.others.isEmpty
    }
}
