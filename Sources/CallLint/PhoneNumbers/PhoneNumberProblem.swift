/// What is wrong with a phone number, as facts: which rule's problem it is and what that rule
/// needs to say it (PhoneNumberDiagnosis finds it; each `e164-*` rule file holds its words).
/// The correction and how sure it is travel with it.
struct PhoneNumberProblem {
    enum Finding {
        case format(E164FormatRule.Problem)
        case missingPlus(E164MissingPlusRule.Problem)
        case countryCode(E164CountryCodeRule.Problem)
        case trunkPrefix(E164TrunkPrefixRule.Problem)
        case length(E164LengthRule.Problem)
        case `extension`(E164ExtensionRule.Problem)
        /// Possible, but in no range assigned (a warning: the data can lag new allocations).
        case unassigned(E164UnassignedRule.Problem)
        /// An emergency or short service number (`911`, `112`, `10111`).
        case shortNumber(E164ShortNumberRule.Problem)
    }

    let finding: Finding
    /// The value to write, when exactly one reading is a valid number: E.164, or a `tel:` URI
    /// where the value was one or an extension is kept.
    let corrected: String?
    /// `safe` when writing `corrected` keeps the very number that was written.
    let applicability: Fix.Applicability
    /// Lesser than the rule's when the site's number plan decides what happens.
    let severity: Severity?

    init(
        _ finding: Finding, corrected: String? = nil, applicability: Fix.Applicability = .suggestion,
        severity: Severity? = nil
    ) {
        self.finding = finding
        self.corrected = corrected
        self.applicability = applicability
        self.severity = severity
    }

    /// A number that is right but written without its `+`: what a JSON number's digits need.
    var isMissingPlus: Bool {
        if case .missingPlus = finding { return true }
        return false
    }

    /// A number written right that no range holds: it is as right as it can be written.
    var isUnassigned: Bool {
        if case .unassigned = finding { return true }
        return false
    }
}
