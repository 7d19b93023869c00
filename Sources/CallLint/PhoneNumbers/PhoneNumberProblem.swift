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
    }

    let kind: Kind
    /// What is wrong, to follow "phone number "…" in `field` ".
    let message: String
    let help: String
    /// The E.164 number to write, when exactly one reading is a valid number.
    let corrected: String?
    /// `safe` when writing `corrected` keeps the very number that was written.
    let applicability: Fix.Applicability

    init(
        _ kind: Kind, _ message: String, help: String, corrected: String? = nil,
        applicability: Fix.Applicability = .suggestion
    ) {
        // A few valid numbers have more digits than E.164 allows: no correction writes one.
        let corrected = corrected.flatMap { $0.utf8.count <= 16 ? $0 : nil }
        self.kind = kind
        self.message = message
        self.help = corrected.map { "write \(JSONString.quoted($0))" + (help.isEmpty ? "" : "; " + help) } ?? help
        self.corrected = corrected
        self.applicability = applicability
    }
}
