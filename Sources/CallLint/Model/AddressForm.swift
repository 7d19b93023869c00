/// How an address string presents itself: a bare phone number, a `tel:` URI, a `sip:` or
/// `sips:` URI, or a `user@host` that lacks its `sip:` scheme.
enum AddressForm: Equatable {
    case phone(String)
    case tel(scheme: String, number: String)
    case sip(scheme: String, rest: String)
    case bareSIP(String)

    init(_ text: String) {
        let utf8 = text.utf8
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")) {
            let scheme = String(text[..<colon])
            let rest = String(text[utf8.index(after: colon)...])
            switch scheme.lowercased() {
            case "tel":
                self = .tel(scheme: scheme, number: rest)
                return
            case "sip", "sips":
                self = .sip(scheme: scheme, rest: rest)
                return
            default: break
            }
        }
        self = utf8.contains(UInt8(ascii: "@")) ? .bareSIP(text) : .phone(text)
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
