/// The parts of a `tel:` URI after its scheme (RFC 3966): the number, an extension
/// (`;ext=`), a `;phone-context=` that completes a local number, and any other parameters
/// (`;isub=`), which the documented address form `tel:+E164;ext=N` does not have.
struct TelURI {
    /// The number as written, visual separators and all.
    let number: String
    let extensionDigits: String?
    /// The `phone-context` as written: a global number prefix (`+1-914-555`) or a domain.
    let phoneContext: String?
    /// Other parameters, as written with their `;`.
    let otherParameters: [String]

    init(_ rest: String) {
        let parts = rest.split(separator: ";", omittingEmptySubsequences: false)
        number = parts.first.map(String.init) ?? ""
        var extensionDigits: String?
        var phoneContext: String?
        var others: [String] = []
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pair[0].lowercased()
            let value = pair.count > 1 ? String(pair[1]) : ""
            if name == "ext", extensionDigits == nil, !value.isEmpty, value.utf8.allSatisfy(JSONByte.isDigit) {
                extensionDigits = value
            } else if name == "phone-context", phoneContext == nil, !value.isEmpty {
                phoneContext = value
            } else {
                others.append(";" + part)
            }
        }
        self.extensionDigits = extensionDigits
        self.phoneContext = phoneContext
        otherParameters = others
    }

    /// The global prefix a `phone-context` gives a local number (`+1-914-555`), nil for a domain.
    var globalContext: String? {
        guard let phoneContext, phoneContext.hasPrefix("+") else { return nil }
        return phoneContext
    }
}
