/// The one thing wrong with a phone number value, decided once per value from the numbering
/// plans. Each phone-number rule reports the kind that is its own, so one number draws one
/// diagnostic, from the most specific rule.
struct PhoneNumberProblem {
    enum Kind {
        /// Separators, letters, an international prefix instead of `+`, a `tel:` where the bare
        /// number goes: the number is right, its spelling is not.
        case format
        case missingPlus
        case unknownCountryCode
        case trunkPrefix
        case impossibleLength
        case hasExtension
        /// Possible, but in no range assigned (a warning: the data can lag new allocations).
        case unassigned
        /// An emergency or short service number (`911`, `112`, `10111`).
        case shortNumber
    }

    let kind: Kind
    /// What is wrong, to follow "phone number "…" in `field` ".
    let message: String
    let help: String
    /// The value to write, when exactly one reading is a valid number: E.164, or a `tel:` URI
    /// where the value was one or an extension is kept.
    let corrected: String?
    /// `safe` when writing `corrected` keeps the very number that was written.
    let applicability: Fix.Applicability
    /// Lesser than the rule's when the site's number plan decides what happens.
    let severity: Severity?

    init(
        _ kind: Kind, _ message: String, help: String, corrected: String? = nil,
        applicability: Fix.Applicability = .suggestion, severity: Severity? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.help = corrected.map { "write \(JSONString.quoted($0))" + (help.isEmpty ? "" : "; " + help) } ?? help
        self.corrected = corrected
        self.applicability = applicability
    }
}
