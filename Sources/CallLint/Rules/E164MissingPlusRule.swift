/// `e164-missing-plus`: a number without its leading `+` (or in national format). Which
/// number it is depends on the country: the fix is offered only when exactly one reading is
/// a valid number, or when `defaultRegion` says which country national numbers belong to.
struct E164MissingPlusRule: PhoneNumberRule {
    static let id = "e164-missing-plus"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion

    /// How the number was written.
    struct Written {
        /// It starts with 0, as national numbers do.
        let looksNational: Bool
        /// What else was read of it (separators, an extension).
        let notes: [String]
        let isCallerId: Bool
    }

    /// Where the one valid reading comes from.
    enum Reading {
        case international
        /// A national number of the country `defaultRegion` names.
        case defaultRegion(country: String, code: String)
        /// The only country whose national numbers include it.
        case onlyNational(country: String)
    }

    enum Problem {
        case oneReading(Written, Reading)
        /// Not a number of the `defaultRegion`; how it reads elsewhere.
        case notInDefaultRegion(Written, country: String, code: String, isLocalLength: Bool, elsewhere: [String])
        case noValidReading(Written)
        /// Two valid readings (of the first few), described.
        case ambiguous(Written, readings: [String])
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .missingPlus(let problem) = finding { return problem }
        return nil
    }

    static func what(_ written: Written) -> String {
        (written.looksNational ? "is in national format, without `+` and country code" : "has no `+` and country code")
            + (written.notes.isEmpty ? "" : ", and " + Prose.list(written.notes))
    }

    static func plans(_ written: Written) -> String {
        written.isCallerId
            ? "the site's number plan decides which number callees see, if any"
            : "the site's number plan decides whether it is dialled, and in which country"
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .oneReading(let written, _):
            return "\(what(written)): \(plans(written))"
        case .notInDefaultRegion(let written, let country, let code, _, _):
            return "\(what(written)), and it is not a valid number of \(country) (defaultRegion \(code)): the number "
                + "plans of \(country) cannot dial it"
        case .noValidReading(let written):
            return "\(what(written)), and no reading of its digits is a valid number in any country"
        case .ambiguous(let written, _):
            return "\(what(written)): \(plans(written)), and its digits read as more than one valid number"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .oneReading(_, .international): return ""
        case .oneReading(_, .defaultRegion(let country, let code)):
            return "read as a national number of \(country) (defaultRegion \(code))"
        case .oneReading(_, .onlyNational(let country)):
            return "the only valid reading, as a national number of \(country)"
        case .notInDefaultRegion(_, _, _, let isLocalLength, let elsewhere):
            let others =
                elsewhere.isEmpty ? "" : "; elsewhere it reads as \(Prose.list(elsewhere, conjunction: "or"))"
            return (isLocalLength ? "add the area code" : PhoneNumberWords.generalHelp) + others
        case .noValidReading(let written):
            return written.looksNational
                ? "replace the leading 0 with + and the country code, for example +44 for the United Kingdom, or set "
                    + "defaultRegion in the configuration"
                : PhoneNumberWords.generalHelp
        case .ambiguous(_, let readings):
            return "it could be, for example, \(Prose.list(readings, conjunction: "or")); write the + and country "
                + "code, or set defaultRegion in the configuration to say which country's national numbers these are"
        }
    }
}
