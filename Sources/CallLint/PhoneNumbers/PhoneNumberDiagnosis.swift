/// Works out what is wrong with a phone number as written, against libphonenumber's numbering
/// plans: a country code that does not exist, a length the country's numbers never have, a
/// trunk prefix that E.164 drops, an extension, a range nobody was assigned, an emergency or
/// short number, and the ways a right number is written wrong. It offers a corrected number
/// only when exactly one reading of the text is a valid number, and calls the fix safe only
/// when the correction keeps the very number written (separators, `00` for `+`, a trunk `0`
/// the data says is not dialled, a national number of the default region). It returns the
/// problem as facts; the rule whose problem it is says it (Rules/E164*Rule.swift).
///
/// Severities follow what is known: a number no country can hold, or one that dials the
/// emergency services, is an error; where the site's number plan decides (a national number, a
/// spelling the platform normalizes), a warning that says so.
struct PhoneNumberDiagnosis {
    /// The field a number stands in: `phoneNumber` and a participant's `address` take
    /// addresses (E.164, `tel:` URIs), `callerId` takes the bare number.
    enum Field {
        case address
        case callerId

        init(named name: String) { self = name == "callerId" ? .callerId : .address }
    }

    let plan: NumberingPlan
    /// The region national numbers belong to (configuration `defaultRegion`), if set.
    let defaultRegion: NumberingRegion?
    /// The short-number data, decoded the first time a number without `+` needs it: a run whose
    /// numbers all have one (a pre-commit hook over a clean file) never pays for it.
    var shortNumbers: ShortNumbers { givenShortNumbers ?? .shared }
    private let givenShortNumbers: ShortNumbers?

    init(defaultRegion: NumberingRegion? = nil, plan: NumberingPlan = .shared, shortNumbers: ShortNumbers? = nil) {
        self.plan = plan
        self.defaultRegion = defaultRegion
        givenShortNumbers = shortNumbers
    }

    /// How a corrected number is written back: in the field's form, with the extension that
    /// was written kept as `tel:+E164;ext=N` where the field takes addresses.
    struct Spelling {
        let field: Field
        /// The value was a `tel:` URI.
        let isURI: Bool
        let extensionDigits: String?

        /// Nil for a number longer than E.164 allows (a few valid numbers are).
        func value(_ e164: String) -> String? {
            guard e164.utf8.count <= 16 else { return nil }
            guard field == .address else { return e164 }
            if let extensionDigits { return "tel:" + e164 + ";ext=" + extensionDigits }
            return isURI ? "tel:" + e164 : e164
        }
    }

    /// Nil when the value is an address the field takes, written right.
    /// - Parameters:
    ///   - written: the number, or for a `tel:` URI what follows the scheme.
    ///   - isURI: the value had a `tel:` scheme.
    func problem(of written: String, isURI: Bool = false, in field: Field = .address) -> PhoneNumberProblem? {
        if !isURI, Self.isPlainValidNumber(written.utf8, plan: plan) { return nil }
        // The longest type name has 11 letters: longer values are not lowercased to be looked up.
        if written.utf8.count <= 11, Self.typeNames.contains(written.lowercased()) {
            return PhoneNumberProblem(.format(.typeName(written)))
        }
        var notes: [String] = []
        var number = written
        var uriExtension: String?
        if isURI {
            let uri = TelURI(written)
            if field == .callerId { notes.append("is a `tel:` URI, where `callerId` takes the bare number") }
            if !uri.otherParameters.isEmpty {
                notes.append(
                    "has \(Prose.list(uri.otherParameters.map { "`\($0)`" })), which the address form "
                        + "`tel:+E164;ext=N` has not")
            }
            uriExtension = uri.extensionDigits
            number = uri.number
            if let context = uri.phoneContext {
                guard let global = uri.globalContext, !uri.number.hasPrefix("+") else {
                    return PhoneNumberProblem(.format(.localNumberInDomain(context: context)), severity: .warning)
                }
                notes.append("is a local number with `phone-context=\(global)`, written whole as E.164")
                number = global + uri.number
            }
            if notes.isEmpty, Self.isPlainValidNumber(number.utf8, plan: plan) { return nil }
        }
        var text = PhoneNumberText(number)
        var wordIsAmbiguous = false
        if let word = text.trailingWord {
            let asNote = PhoneNumberText(number, trailingWordIsNote: true)
            switch (isReadable(text), isReadable(asNote)) {
            case (false, true): text = asNote
            case (true, true):
                wordIsAmbiguous = true
                notes.append("ends in `\(word)`, which may be vanity letters or a note")
            default: break
            }
        }
        let spelling = Spelling(field: field, isURI: isURI, extensionDigits: text.extensionDigits ?? uriExtension)
        if let label = text.label { notes.append("has `\(label)` before the number") }
        if !text.notes.isEmpty {
            notes.append("has \(Prose.list(text.notes.map { "`\($0)`" })) after the number")
        }
        if !text.others.isEmpty {
            return PhoneNumberProblem(
                .format(.unreadable(notes: notes + ["contains \(Prose.list(text.others.map { "`\($0)`" }))"])))
        }
        if !text.letters.isEmpty && !text.isVanity {
            notes.append("contains letters (\(text.letters)), too few for a vanity number and not an extension")
            return PhoneNumberProblem(.format(.unreadable(notes: notes)))
        }
        guard !text.digits.isEmpty else {
            return PhoneNumberProblem(.format(.unreadable(notes: notes + ["has no digits"])))
        }
        if !text.separators.isEmpty {
            notes.append("contains \(Prose.list(text.separators.map(Self.separatorName)))")
        }
        if text.isVanity { notes.append("spells \(text.letters), letters that stand for keypad digits") }
        if text.hasNonASCIIDigits { notes.append("has digits that are not ASCII") }
        let reading = Reading(
            text: text, notes: notes, spelling: spelling, wordsAround: text.hasWordsAround || isURI && notes.count > 0,
            isAmbiguous: wordIsAmbiguous)
        if text.hasPlus {
            return international(text.digits[...], reading, route: .plus)
        }
        if let short = shortNumberProblem(text.digits, in: field) { return short }
        return withoutPlus(reading)
    }

    /// What was read out of the text, carried through to the problem's words and its fix.
    struct Reading {
        let text: PhoneNumberText
        var notes: [String]
        let spelling: Spelling
        /// A label, notes or URI parameters were taken off: the fix is a suggestion to look at.
        let wordsAround: Bool
        /// A last word may be letters of the number or a note: no fix.
        let isAmbiguous: Bool

        func corrected(_ e164: String) -> String? { isAmbiguous ? nil : spelling.value(e164) }
    }

    /// Type names that API documentation and SDK samples show where a value goes.
    static let typeNames: Set<String> = ["string", "integer", "number", "boolean", "object", "array", "phonenumber"]

    /// Whether a reading of the text names a valid number: for choosing between a last word
    /// read as vanity letters and read as a note.
    func isReadable(_ text: PhoneNumberText) -> Bool {
        guard text.others.isEmpty, text.letters.isEmpty || text.isVanity, !text.digits.isEmpty else { return false }
        if text.hasPlus { return plan.isValidInternationalNumber(text.digits) }
        if let defaultRegion { return plan.read(text.digits, dialledIn: defaultRegion).contains(where: plan.isValid) }
        return !plan.validReadings(of: text.digits, limit: 1).isEmpty
    }

    /// Digits written without a `+` that dial an emergency service or a short number: an
    /// error that names where, never a rewrite into a `+` number.
    func shortNumberProblem(_ digits: [UInt8], in field: Field) -> PhoneNumberProblem? {
        // A valid national number of the region the org dials from is that number.
        if let defaultRegion, plan.read(digits, dialledIn: defaultRegion).contains(where: plan.isValid),
            !shortNumbers.isShortNumber(digits, in: defaultRegion.code)
        {
            return nil
        }
        let emergency = shortNumbers.emergencyRegions(digits)
        if !emergency.isEmpty {
            return PhoneNumberProblem(
                .shortNumber(.emergency(regions: regionList(emergency), isCallerId: field == .callerId)))
        }
        let short = shortNumbers.shortRegions(digits)
        guard !short.isEmpty else { return nil }
        return PhoneNumberProblem(.shortNumber(.service(regions: regionList(short))))
    }

    /// Countries first whose calling code is theirs alone or who lead it (the United States for
    /// +1), so that `911` names the United States before Anguilla.
    func regionList(_ codes: [String]) -> String {
        // Shorter calling codes next: the most populous plans (+1, +7, +44, +49) have them.
        let ranked = codes.map { code in (code, plan.region(code: code)) }.sorted { left, right in
            func rank(_ region: NumberingRegion?) -> (Int, Int) {
                guard let region else { return (9, 1) }
                let isMain = plan.mainRegion(callingCode: region.callingCode)?.code == region.code
                return (isMain ? 0 : 1, String(region.callingCode).count)
            }
            let (leftRank, rightRank) = (rank(left.1), rank(right.1))
            if leftRank != rightRank { return leftRank < rightRank }
            return (left.1?.name ?? left.0) < (right.1?.name ?? right.0)
        }
        let names = ranked.map { $0.1?.name ?? $0.0 }
        let shown = Array(names.prefix(names.count > 7 ? 6 : 7))
        guard names.count > shown.count else { return Prose.list(shown) }
        return shown.joined(separator: ", ") + " and \(names.count - shown.count) more"
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

    /// Digits after a `+` or an international prefix.
    func international(
        _ digits: ArraySlice<UInt8>, _ reading: Reading, route: PhoneNumberReading.Route
    )
        -> PhoneNumberProblem
    {
        let text = reading.text
        let notes = reading.notes
        guard let (code, codeLength) = plan.callingCode(prefixOf: digits), let main = plan.mainRegion(callingCode: code)
        else {
            if digits.first == 0 {
                if route == .plus, let problem = plusBeforeInternationalPrefix(digits, reading) { return problem }
                return PhoneNumberProblem(.countryCode(.zeroAfterInternationalPrefix))
            }
            let prefixes = (1...min(3, digits.count)).map { digits.prefix($0).map(String.init).joined() }
            return PhoneNumberProblem(.countryCode(.noCallingCode(prefixes: prefixes)))
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
                let note = "its `(0)` is part of the number in \(main.name), and E.164 has no parentheses"
                return PhoneNumberProblem(
                    .format(.misspelled(notes: notes + [note])), corrected: reading.corrected(corrected),
                    severity: .warning)
            }
            trunkNote = "has the trunk prefix `(0)`, which is dialled only inside \(main.name)"
            // Sure only when reading the 0 off as the data says leaves a valid number, the same
            // one whichever way the data reads the prefix (Colombia reads `03` as a trunk prefix
            // and a carrier code; Argentina's and Brazil's rules rewrite what follows).
            let readOff = plan.nationalNumbers(withZero[...], in: main, checkingLength: true)
            let valid = Set(readOff.filter { plan.validRegion(callingCode: code, national: $0) != nil })
            if valid.count == 1, let only = valid.first {
                national = only[...]
                trunkIsSure = true
            } else {
                trunkIsSure = readOff.elementsEqual([Array(national)])
            }
        } else if plan.validRegion(callingCode: code, national: national) == nil {
            // A trunk prefix libphonenumber would read off: the number is written with it.
            let shorter = plan.nationalNumbers(national, in: main, checkingLength: true).filter {
                $0.count < national.count
            }
            if let first = shorter.first {
                let kept = national.count - first.count
                let prefix = national.prefix(kept).map(String.init).joined()
                trunkNote = "keeps the trunk prefix \(prefix) after the country code \(country): E.164 drops it"
                let valid = Set(shorter.filter { plan.validRegion(callingCode: code, national: $0) != nil })
                national = (valid.count == 1 ? valid.first! : first)[...]
                trunkIsSure = valid.count == 1
            }
        }
        let corrected = PhoneNumberReading(callingCode: code, national: Array(national), route: route)
        let validRegion =
            codeLength + national.count <= 15 ? plan.validRegion(callingCode: code, national: national) : nil
        if let trunkNote {
            guard validRegion != nil, trunkIsSure else {
                return PhoneNumberProblem(.trunkPrefix(.leavesNoAssignedNumber(note: trunkNote)))
            }
            let sure = notes.isEmpty || notes.allSatisfy { $0.hasPrefix("contains") }
            return PhoneNumberProblem(
                .trunkPrefix(.kept(notes: notes + [trunkNote])), corrected: reading.corrected(corrected.e164),
                applicability: sure && !reading.wordsAround && reading.spelling.extensionDigits == nil
                    ? .safe : .suggestion)
        }
        if codeLength + national.count > 15 {
            return PhoneNumberProblem(
                .length(
                    .overFifteen(
                        digits: codeLength + national.count, country: main.name, lengths: main.possibleLengthList,
                        callingCode: code)))
        }
        if !main.isPossibleLength(national.count) {
            return PhoneNumberProblem(
                .length(
                    .impossible(
                        digits: national.count, country: country, lengths: main.possibleLengthList,
                        isLocalNumberLength: main.isLocalOnlyLength(national.count))))
        }
        if let extensionText = text.extensionDigits.map({ _ in text.extensionText }) {
            return PhoneNumberProblem(
                .extension(
                    E164ExtensionRule.Problem(
                        written: extensionText, fieldTakesAddresses: reading.spelling.field == .address)),
                corrected: validRegion != nil ? reading.corrected(corrected.e164) : nil, severity: .warning)
        }
        guard validRegion != nil else {
            if !notes.isEmpty {
                return PhoneNumberProblem(.format(.unreadableAndUnassigned(notes: notes, country: main.name)))
            }
            return PhoneNumberProblem(.unassigned(E164UnassignedRule.Problem(country: main.name)))
        }
        // Valid: only the spelling is wrong. Vanity letters and words taken off are a reading; the
        // rest keeps the number.
        let keepsTheNumber = !text.isVanity && !reading.wordsAround
        return PhoneNumberProblem(
            .format(.misspelled(notes: notes)), corrected: reading.corrected(corrected.e164),
            applicability: keepsTheNumber ? .safe : .suggestion, severity: .warning)
    }

    /// `+0033…`: a `+` and then an international prefix. When exactly one prefix leaves a valid
    /// number, that is the number meant.
    func plusBeforeInternationalPrefix(_ digits: ArraySlice<UInt8>, _ reading: Reading) -> PhoneNumberProblem? {
        let readings = Self.internationalPrefixes.compactMap { prefix -> PhoneNumberReading? in
            guard digits.starts(with: prefix), digits.count > prefix.count + 2 else { return nil }
            let rest = digits.dropFirst(prefix.count)
            guard let (code, length) = plan.callingCode(prefixOf: rest),
                plan.validRegion(callingCode: code, national: rest.dropFirst(length)) != nil
            else { return nil }
            return PhoneNumberReading(
                callingCode: code, national: Array(rest.dropFirst(length)),
                route: .internationalPrefix(length: prefix.count))
        }
        guard readings.count == 1, let only = readings.first, case .internationalPrefix(let length) = only.route else {
            return nil
        }
        let prefix = digits.prefix(length).map(String.init).joined()
        let note = "has both `+` and the international dialling prefix \(prefix)"
        return PhoneNumberProblem(
            .format(.misspelled(notes: [note] + reading.notes)), corrected: reading.corrected(only.e164),
            severity: .warning)
    }

    /// The international dialling prefixes people write after a `+`: every one that libphonenumber
    /// gives a region as one string of digits (or as its preferred prefix) and that starts with
    /// 0, but Samoa's lone 0 (`+0…` is a missing country code). Each is tried, so that digits two
    /// prefixes read as two numbers get no rewrite.
    static let internationalPrefixes: [[UInt8]] = [
        [0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 1, 1], [0, 0, 9], [0, 1, 0], [0, 1, 1], [0, 2, 0], [0, 0, 2],
    ]

    func withoutPlus(_ reading: Reading) -> PhoneNumberProblem {
        var reading = reading
        let text = reading.text
        if text.extensionDigits != nil { reading.notes.append("has an extension (`\(text.extensionText)`)") }
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
        if valid.count == 1 || (valid.isEmpty && defaultRegion != nil), let first = valid.first ?? readings.first,
            case .internationalPrefix(let length) = first.route
        {
            var prefixed = reading
            prefixed.notes = [Self.internationalPrefixNote(digits, length)] + reading.notes
            return international(digits.dropFirst(length), prefixed, route: first.route)
        }
        let looksNational = digits.first == 0
        let written = E164MissingPlusRule.Written(
            looksNational: looksNational, notes: reading.notes, isCallerId: reading.spelling.field == .callerId)
        if valid.count == 1, let only = valid.first {
            var from = E164MissingPlusRule.Reading.international
            var applicability = Fix.Applicability.suggestion
            if case .national(_, let name) = only.route {
                if let defaultRegion {
                    from = .defaultRegion(country: name, code: defaultRegion.code)
                    let sure = !text.isVanity && !reading.wordsAround && text.extensionDigits == nil
                    applicability = sure ? .safe : .suggestion
                } else {
                    from = .onlyNational(country: name)
                }
            }
            return PhoneNumberProblem(
                .missingPlus(.oneReading(written, from)), corrected: reading.corrected(only.e164),
                applicability: applicability, severity: .warning)
        }
        if valid.isEmpty {
            if defaultRegion == nil,
                let length = [2, 3].first(where: { digits.count > $0 && Self.commonPrefix(digits, $0) })
            {
                // 00 or 011 and no valid reading: say what is wrong with the number after it.
                var prefixed = reading
                prefixed.notes = [Self.internationalPrefixNote(digits, length)] + reading.notes
                return international(digits.dropFirst(length), prefixed, route: .internationalPrefix(length: length))
            }
            if let defaultRegion {
                let elsewhere = plan.validReadings(of: digits, limit: Self.namedReadings)
                return PhoneNumberProblem(
                    .missingPlus(
                        .notInDefaultRegion(
                            written, country: defaultRegion.name, code: defaultRegion.code,
                            isLocalLength: defaultRegion.isLocalOnlyLength(digits.count),
                            elsewhere: elsewhere.map(describe))))
            }
            return PhoneNumberProblem(.missingPlus(.noValidReading(written)))
        }
        let named = valid.prefix(Self.namedReadings).map(describe)
        return PhoneNumberProblem(.missingPlus(.ambiguous(written, readings: named)), severity: .warning)
    }

    func describe(_ reading: PhoneNumberReading) -> String {
        switch reading.route {
        case .national(_, let name): return "\(reading.e164) (national, \(name))"
        default:
            let name = plan.validRegion(callingCode: reading.callingCode, national: reading.national)?.name ?? ""
            return "\(reading.e164) (\(name))"
        }
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
