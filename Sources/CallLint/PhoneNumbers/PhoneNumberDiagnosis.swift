/// Works out what is wrong with a phone number as written, against libphonenumber's numbering
/// plans: a country code that does not exist, a length the country's numbers never have, a
/// trunk prefix that E.164 drops, an extension, a range nobody was assigned, and the ways a
/// right number is written wrong. It offers a corrected number only when exactly one reading
/// of the text is a valid number, and calls the fix safe only when the correction keeps the
/// very number written (separators, `00` for `+`, a trunk `0` the data says is not dialled).
struct PhoneNumberDiagnosis {
    let plan: NumberingPlan
    /// The region national numbers belong to (configuration `defaultRegion`), if set.
    let defaultRegion: NumberingRegion?

    init(defaultRegion: NumberingRegion? = nil, plan: NumberingPlan = .shared) {
        self.plan = plan
        self.defaultRegion = defaultRegion
    }

    /// Nil when the number is a valid E.164 number written as one.
    /// - Parameter bareSchemeField: the field's name when the value had a `tel:` scheme that
    ///   the field does not take (`phoneNumber`, `callerId`).
    func problem(of number: String, bareSchemeField: String? = nil) -> PhoneNumberProblem? {
        if bareSchemeField == nil, Self.isPlainValidNumber(number.utf8, plan: plan) { return nil }
        let text = PhoneNumberText(number)
        var notes: [String] = []
        if let field = bareSchemeField { notes.append("is a `tel:` URI, where `\(field)` takes the bare number") }
        if !text.others.isEmpty {
            notes.append("contains \(Prose.list(text.others.map { "`\($0)`" }))")
        }
        if !text.letters.isEmpty && !text.isVanity {
            notes.append("contains letters (\(text.letters)), too few for a vanity number and not an extension")
        }
        guard notes.count == (bareSchemeField == nil ? 0 : 1) else {
            return PhoneNumberProblem(.format, Self.notE164 + Prose.list(notes), help: Self.generalHelp)
        }
        guard !text.digits.isEmpty else {
            return PhoneNumberProblem(.format, Self.notE164 + "has no digits", help: Self.generalHelp)
        }
        if !text.separators.isEmpty {
            notes.append("contains \(Prose.list(text.separators.map(Self.separatorName)))")
        }
        if text.isVanity { notes.append("spells \(text.letters), letters that stand for keypad digits") }
        if text.hasNonASCIIDigits { notes.append("has digits that are not ASCII") }
        if text.hasPlus {
            return international(text.digits[...], text: text, notes: notes, route: .plus)
        }
        return withoutPlus(text, notes: notes)
    }

    /// A `+` and the ASCII digits of a valid number, nothing else: the plain shape a right
    /// number has, and the one test by which both the phone-number rules and the clean-body
    /// screen pass a value. Works on the text's bytes, without allocating.
    static func isPlainValidNumber(_ text: some Collection<UInt8>, plan: NumberingPlan = .shared) -> Bool {
        guard text.count >= 2, text.count <= 16, text.first == UInt8(ascii: "+") else { return false }
        var digits: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            for byte in text.dropFirst() {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                buffer[count] = byte - UInt8(ascii: "0")
                count += 1
            }
            return plan.isValidInternationalNumber(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// How many readings of an ambiguous number are looked for and named: two show that the
    /// number is ambiguous, and the search stops there.
    static let namedReadings = 2

    static let notE164 = "is not E.164 (a `+` and digits only): it "
    static let generalHelp = "write the number as + country code and digits only, like \"+13175550123\""

    /// Digits after a `+` or an international prefix.
    func international(
        _ digits: ArraySlice<UInt8>, text: PhoneNumberText, notes: [String], route: PhoneNumberReading.Route
    )
        -> PhoneNumberProblem
    {
        guard let (code, codeLength) = plan.callingCode(prefixOf: digits), let main = plan.mainRegion(callingCode: code)
        else {
            if digits.first == 0 {
                return PhoneNumberProblem(
                    .unknownCountryCode, "starts with 0 after the international prefix, and no country code does",
                    help:
                        "write + and the country code, like +44 for the United Kingdom, then the number "
                        + "without its trunk 0"
                )
            }
            let prefixes = (1...min(3, digits.count)).map { digits.prefix($0).map(String.init).joined() }
            return PhoneNumberProblem(
                .unknownCountryCode,
                "has no country code: no country has the calling code \(Prose.list(prefixes, conjunction: "or"))",
                help: "check the country code (+1 United States and Canada, +44 United Kingdom, +61 Australia...)")
        }
        let country = "+\(code) (\(main.name))"
        var national = digits.dropFirst(codeLength)
        var trunkNote: String?
        /// Exactly one reading without the trunk prefix is a valid number.
        var trunkIsSure = false
        if let position = text.trunkZeroInParentheses, position >= codeLength {
            var withZero = Array(national)
            withZero.insert(0, at: position - codeLength)
            if plan.validRegion(callingCode: code, national: national) == nil,
                plan.validRegion(callingCode: code, national: withZero) != nil
            {
                // There the 0 is part of the number (Italy): only the parentheses are wrong.
                let corrected = PhoneNumberReading(callingCode: code, national: withZero, route: route).e164
                return PhoneNumberProblem(
                    .format,
                    Self.notE164 + "its `(0)` is part of the number in \(main.name), and E.164 has no parentheses",
                    help: "", corrected: corrected)
            }
            trunkNote = "has the trunk prefix `(0)`, which is dialled only inside \(main.name)"
            // Sure only when reading the 0 off as the data says leaves this very number
            // (Colombia reads `03` as a trunk prefix and a carrier code).
            trunkIsSure = plan.nationalNumbers(withZero[...], in: main, checkingLength: true).elementsEqual([
                Array(national)
            ])
        } else if plan.validRegion(callingCode: code, national: national) == nil {
            // A trunk prefix libphonenumber would read off: the number is written with it.
            let shorter = plan.nationalNumbers(national, in: main, checkingLength: true).filter {
                $0.count < national.count && national.suffix($0.count).elementsEqual($0)
            }
            if let first = shorter.first {
                let prefix = national.prefix(national.count - first.count).map(String.init).joined()
                trunkNote = "keeps the trunk prefix \(prefix) after the country code \(country): E.164 drops it"
                let valid = shorter.filter { plan.validRegion(callingCode: code, national: $0) != nil }
                national = (valid.count == 1 ? valid[0] : first)[...]
                trunkIsSure = valid.count == 1
            }
        }
        let reading = PhoneNumberReading(callingCode: code, national: Array(national), route: route)
        let validRegion =
            codeLength + national.count <= 15 ? plan.validRegion(callingCode: code, national: national) : nil
        if let trunkNote, text.extensionDigits == nil {
            guard validRegion != nil, trunkIsSure else {
                return PhoneNumberProblem(
                    .trunkPrefix, trunkNote + ", and without it the number is in no range assigned there",
                    help: "check the digits after the trunk prefix")
            }
            return PhoneNumberProblem(.trunkPrefix, trunkNote, help: "", corrected: reading.e164, applicability: .safe)
        }
        if codeLength + national.count > 15 {
            return PhoneNumberProblem(
                .impossibleLength, "has \(codeLength + national.count) digits; E.164 allows at most 15",
                help: "check the number: \(main.name) numbers have \(main.possibleLengthList) digits after \(code)")
        }
        if !main.isPossibleLength(national.count) {
            let count = national.count
            let local = main.isLocalOnlyLength(count) ? ", the length of a local number without its area code" : ""
            return PhoneNumberProblem(
                .impossibleLength,
                "has \(count) digit\(count == 1 ? "" : "s") after the country code \(country)\(local); numbers there "
                    + "have "
                    + "\(main.possibleLengthList)",
                help: local.isEmpty ? "check the number: a digit is missing or one too many" : "add the area code")
        }
        if text.extensionDigits != nil {
            return PhoneNumberProblem(
                .hasExtension, "has an extension (`\(text.extensionText)`), which is not part of an E.164 number",
                help: "dial the extension once the call connects (the API does not dial it)",
                corrected: validRegion != nil ? reading.e164 : nil)
        }
        guard validRegion != nil else {
            if !notes.isEmpty || trunkNote != nil {
                let all = notes + [trunkNote].compactMap { $0 }
                return PhoneNumberProblem(
                    .format,
                    Self.notE164 + Prose.list(all) + ", and no range of numbers assigned in \(main.name) has it",
                    help: Self.generalHelp)
            }
            return PhoneNumberProblem(
                .unassigned,
                "is not in any range of numbers assigned in \(main.name) "
                    + "(libphonenumber \(NumberingPlan.metadataVersion))",
                help: "check the digits; if the range was assigned recently, the data may lag: ignore this warning")
        }
        // Valid: only the spelling is wrong. Vanity letters are a reading; the rest keeps the number.
        return PhoneNumberProblem(
            .format, Self.notE164 + Prose.list(notes), help: "", corrected: reading.e164,
            applicability: text.isVanity ? .suggestion : .safe)
    }

    func withoutPlus(_ text: PhoneNumberText, notes: [String]) -> PhoneNumberProblem {
        let digits = text.digits
        let readings: [PhoneNumberReading]
        if let region = defaultRegion {
            readings = plan.read(digits, dialledIn: region)
        } else {
            readings = plan.validReadings(of: digits, limit: Self.namedReadings)
        }
        // The readings without a default region are valid already.
        let valid = defaultRegion == nil ? readings : readings.filter { plan.isValid($0) }
        // Read after an international prefix: what is wrong is in the number that follows it.
        if valid.count == 1 || (valid.isEmpty && defaultRegion != nil), let reading = valid.first ?? readings.first,
            case .internationalPrefix(let length) = reading.route
        {
            return international(
                digits.dropFirst(length), text: text, notes: [Self.internationalPrefixNote(digits, length)] + notes,
                route: reading.route)
        }
        let region = defaultRegion.map { ", defaultRegion \($0.code)" } ?? ""
        let looksNational = digits.first == 0
        let what = looksNational ? "is in national format: no `+` and no country code" : "has no leading `+`"
        if valid.count == 1, let reading = valid.first {
            let corrected = reading.e164
            var help = ""
            if case .national(_, let name) = reading.route {
                help =
                    defaultRegion == nil
                    ? "the only valid reading, as a national number (\(name))"
                    : "read as a national number (\(name)\(region))"
            }
            return PhoneNumberProblem(.missingPlus, what, help: help, corrected: corrected)
        }
        if valid.isEmpty {
            if defaultRegion == nil,
                let length = [2, 3].first(where: { digits.count > $0 && Self.commonPrefix(digits, $0) })
            {
                // 00 or 011 and no valid reading: say what is wrong with the number after it.
                return international(
                    digits.dropFirst(length), text: text, notes: [Self.internationalPrefixNote(digits, length)] + notes,
                    route: .internationalPrefix(length: length))
            }
            if let defaultRegion {
                return PhoneNumberProblem(
                    .missingPlus,
                    "\(what), and it is not a valid number of \(defaultRegion.name) "
                        + "(defaultRegion \(defaultRegion.code))",
                    help: Self.generalHelp)
            }
            let help =
                looksNational
                ? "replace the leading 0 with + and the country code, for example +44 for the United Kingdom, or set "
                    + "defaultRegion in the configuration"
                : Self.generalHelp
            return PhoneNumberProblem(
                .missingPlus, "\(what), and no reading of its digits is a valid number", help: help)
        }
        let named = valid.prefix(Self.namedReadings).map { reading -> String in
            switch reading.route {
            case .national(_, let name): return "\(reading.e164) (national, \(name))"
            default:
                let name = plan.validRegion(callingCode: reading.callingCode, national: reading.national)?.name ?? ""
                return "\(reading.e164) (\(name))"
            }
        }
        return PhoneNumberProblem(
            .missingPlus, "\(what), and its digits read as more than one valid number",
            help:
                "it could be, for example, \(Prose.list(named, conjunction: "or")); write the + and country code, or "
                + "set "
                + "defaultRegion in the configuration to say which country's national numbers these are")
    }

    static func internationalPrefixNote(_ digits: [UInt8], _ length: Int) -> String {
        "starts with \(digits.prefix(length).map(String.init).joined()) (an international dialling prefix)"
    }

    /// 00 or 011: the international prefixes of most of the world and of North America.
    static func commonPrefix(_ digits: [UInt8], _ length: Int) -> Bool {
        length == 2 ? digits.starts(with: [0, 0]) : digits.starts(with: [0, 1, 1])
    }

    static func separatorName(_ character: Character) -> String {
        switch character {
        case " ": return "spaces"
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "dashes"
        case ".": return "dots"
        case "(", ")": return "parentheses"
        case "/": return "slashes"
        default: return "`\(character)`"
        }
    }
}
