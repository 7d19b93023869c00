/// How an address string presents itself: a bare phone number, a `tel:` URI, a `sip:` or
/// `sips:` URI, or a `user@host` that lacks its `sip:` scheme.
enum AddressForm: Equatable {
    case phone(String)
    case tel(scheme: String, number: String)
    case sip(scheme: String, rest: String)
    case bareSIP(String)

    init(_ text: String) {
        let utf8 = text.utf8
        // The scheme is compared as bytes, ASCII letters in any case: no other character
        // lowercases to the letters of `tel`, `sip` or `sips`, and no string is made for a
        // scheme that is none of them.
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")) {
            let written = utf8[..<colon]
            // `Tel: +64 9 001 2342` is a label before a number: a URI has nothing between its
            // scheme's colon and the number.
            let after = utf8.index(after: colon)
            let isLabel = after != utf8.endIndex && (utf8[after] == UInt8(ascii: " ") || utf8[after] == 0xC2)
            let isTel = Self.isScheme(written, "tel") && !isLabel
            if isTel || Self.isScheme(written, "sip") || Self.isScheme(written, "sips") {
                let scheme = String(text[..<colon])
                let rest = String(text[utf8.index(after: colon)...])
                self = isTel ? .tel(scheme: scheme, number: rest) : .sip(scheme: scheme, rest: rest)
                return
            }
        }
        self = utf8.contains(UInt8(ascii: "@")) ? .bareSIP(text) : .phone(text)
    }

    /// Whether `written` is `scheme` (lowercase ASCII letters) in any case.
    private static func isScheme(_ written: Substring.UTF8View, _ scheme: StaticString) -> Bool {
        guard written.count == scheme.utf8CodeUnitCount else { return false }
        // Setting bit 5 lowercases an ASCII letter, and turns nothing else into one.
        return zip(written, UnsafeBufferPointer(start: scheme.utf8Start, count: scheme.utf8CodeUnitCount))
            .allSatisfy { $0 | 0x20 == $1 }
    }

    /// The scheme as written, when it is not lowercase (`TEL:`, `Sip:`).
    var miscasedScheme: String? {
        switch self {
        case .tel(let scheme, _), .sip(let scheme, _):
            return scheme == scheme.lowercased() ? nil : scheme
        default: return nil
        }
    }

    var isSIP: Bool {
        switch self {
        case .sip, .bareSIP: return true
        default: return false
        }
    }
}
