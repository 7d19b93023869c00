/// Checks the part of a SIP URI after `sip:` (RFC 3261 section 19.1): `user@host`, with an
/// optional `:port` and `;parameters`.
struct SIPAddressAnalysis {
    let rest: String

    /// The common case, tested over UTF-8 bytes: one `@` after a user part with nothing
    /// escaped and no spaces or brackets, then a plain host name. The clean-body screen asks
    /// the same of raw JSON text.
    static func isPlainUserAtHost(_ bytes: some Collection<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        let host = bytes[bytes.index(after: at)...]
        return !host.isEmpty
            && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "[") }
            && host.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "-")
            }
    }

    /// `name@localhost`: an Architect flow called by name, as the Developer Center's own
    /// example calls one (`ForceDisconnect@localhost`), not a SIP address lacking its scheme.
    static func isFlowAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        let host = bytes[bytes.index(after: at)...]
        return host.count == 9 && host.elementsEqual("localhost".utf8, by: { $0 | 0x20 == $1 })
            && isPlainUserAtHost(bytes)
    }

    /// The first problem found, in words, with what to write when it is clear.
    var problem: (message: String, help: String)? {
        if Self.isPlainUserAtHost(rest.utf8) { return nil }
        if rest.containsBytes("[email") && rest.containsBytes("protected]") {
            return (
                "the address is `[email protected]`, the text a web page shows in place of an email address it hides "
                    + "from bots",
                "copy the real address from its source, not from a rendered web page"
            )
        }
        if rest.containsBytes("%40") {
            return ("the `@` is escaped as `%40`", "write the `@` itself: sip:\(rest.replacingASCII("%40", with: "@"))")
        }
        if rest.containsASCII(" ") {
            return ("the SIP address contains a space", "remove the spaces: sip:\(rest.filter { $0 != " " })")
        }
        let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 1 {
            return (
                "the SIP address has no user part: `sip:` must be followed by user@host",
                "write sip:user@\(rest.isEmpty ? "example.com" : rest)"
            )
        }
        if parts.count > 2 {
            return ("the SIP address has more than one `@`", "write it as sip:user@host, with one `@`")
        }
        if parts[0].isEmpty {
            return ("the SIP address has no user before the `@`", "write sip:user@\(parts[1])")
        }
        let hostAndParameters = parts[1]
        let host = hostAndParameters.prefix { $0 != ";" && $0 != "?" }
        let hostName = host.hasPrefix("[") ? host : host.prefix { $0 != ":" }
        if hostName.isEmpty {
            return ("the SIP address has no host after the `@`", "write sip:\(parts[0])@host.example.com")
        }
        let allowed = hostName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.[]:".contains($0)) }
        if !allowed {
            return (
                "the SIP host `\(hostName)` holds characters a host name cannot",
                "write a host name or IP address after the `@`"
            )
        }
        return nil
    }
}
