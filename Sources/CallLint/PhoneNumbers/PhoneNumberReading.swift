/// One way to read written digits as a full international number, as libphonenumber reads
/// them: with a `+`, after an international dialling prefix, starting with a country code
/// whose `+` was left out, or as a national number of a region.
struct PhoneNumberReading: Equatable {
    enum Route: Equatable {
        case plus
        /// After an international prefix (00, 011...) of this many digits.
        case internationalPrefix(length: Int)
        /// The digits start with a country code, but the `+` is missing.
        case countryCodeWithoutPlus
        /// A national number of the region with this code.
        case national(region: String)
    }

    let callingCode: Int
    /// The national significant number, as digit values.
    let national: [UInt8]
    let route: Route

    var e164: String {
        "+" + String(callingCode) + String(decoding: national.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}

extension NumberingPlan {
    /// The region a national significant number is valid in, among those sharing its calling
    /// code; nil when it is valid in none. A region with leading digits claims the numbers
    /// that start with them, valid or not, as libphonenumber decides.
    func validRegion(callingCode: Int, national: some Collection<UInt8>) -> NumberingRegion? {
        for region in regions(callingCode: callingCode) {
            if let leading = region.leadingDigits {
                if leading.longestPrefix(of: national) != nil { return region.isValid(national) ? region : nil }
            } else if region.isValid(national) {
                return region
            }
        }
        return nil
    }

    /// A `+` and ASCII digits that make a valid number: the plain shape of a right number.
    func isValidInternationalNumber(_ digits: some Collection<UInt8>) -> Bool {
        guard digits.count <= 15, let (code, length) = callingCode(prefixOf: digits) else { return false }
        return validRegion(callingCode: code, national: digits.dropFirst(length)) != nil
    }

    /// The national numbers a number written in a region can be once its national (trunk)
    /// prefix is read off, as libphonenumber reads it: the prefix goes only when the rest
    /// still has the region's shape (or the whole never did) and, with `checkingLength`, a
    /// length the region's numbers can have. One number, but for the few regions whose
    /// prefixes are listed as rules: there, every rule that applies gives a reading.
    func nationalNumbers(_ number: ArraySlice<UInt8>, in region: NumberingRegion, checkingLength: Bool) -> [[UInt8]] {
        func acceptable(_ candidate: [UInt8]) -> Bool {
            if region.generalPattern.accepts(number) && !region.generalPattern.accepts(candidate) { return false }
            guard checkingLength else { return true }
            let count = candidate.count
            return count > region.longestPossibleLength || (region.isPossibleLength(count) && !region.isLocalOnlyLength(count))
        }
        func removingPrefix(_ automaton: DigitAutomaton?) -> [UInt8] {
            guard let automaton, let length = automaton.longestPrefix(of: number), length > 0 else { return Array(number) }
            let rest = Array(number.dropFirst(length))
            return acceptable(rest) ? rest : Array(number)
        }
        switch region.nationalPrefixReading {
        case .removed(let automaton):
            return [removingPrefix(automaton)]
        case .local(let local, let areaCode, let otherwise):
            guard local.accepts(number) else { return [removingPrefix(otherwise)] }
            let withAreaCode = areaCode + number
            return [acceptable(withAreaCode) ? withAreaCode : Array(number)]
        case .rules(let rules):
            var readings = [Array(number)]
            for rule in rules where !rule.prefix.isEmpty && number.starts(with: rule.prefix) {
                let candidate = rule.replacement + number.dropFirst(rule.prefix.count)
                if acceptable(candidate), !readings.contains(candidate) { readings.append(candidate) }
            }
            return readings
        }
    }

    /// Digits written after a `+` or an international prefix: a country code and the national
    /// number, read as libphonenumber reads them. Empty without a country code.
    func readInternational(_ digits: ArraySlice<UInt8>, route: PhoneNumberReading.Route) -> [PhoneNumberReading] {
        guard let (code, length) = callingCode(prefixOf: digits), let main = regions(callingCode: code).first else { return [] }
        return nationalNumbers(digits.dropFirst(length), in: main, checkingLength: true).map {
            PhoneNumberReading(callingCode: code, national: $0, route: route)
        }
    }

    /// How digits without a `+` read when dialled in a region: after its international
    /// prefix, as its country code and a number, or as a national number.
    func read(_ digits: [UInt8], dialledIn region: NumberingRegion) -> [PhoneNumberReading] {
        let all = digits[...]
        if let international = region.internationalPrefix, let length = international.longestPrefix(of: all), length > 0,
            length < digits.count, digits[length] != 0
        {
            return readInternational(all.dropFirst(length), route: .internationalPrefix(length: length))
        }
        let codeDigits = String(region.callingCode).utf8.map { $0 - UInt8(ascii: "0") }
        var readings: [PhoneNumberReading] = []
        if digits.starts(with: codeDigits) {
            let rest = all.dropFirst(codeDigits.count)
            let tooLong = digits.count > region.longestPossibleLength
            for potential in nationalNumbers(rest, in: region, checkingLength: false)
            where (!region.generalPattern.accepts(all) && region.generalPattern.accepts(potential)) || tooLong {
                for national in nationalNumbers(potential[...], in: region, checkingLength: true) where (2...17).contains(national.count) {
                    readings.append(PhoneNumberReading(callingCode: region.callingCode, national: national, route: .countryCodeWithoutPlus))
                }
            }
            if !readings.isEmpty { return readings }
        }
        return nationalNumbers(all, in: region, checkingLength: true).filter { (2...17).contains($0.count) }.map {
            PhoneNumberReading(callingCode: region.callingCode, national: $0, route: .national(region: region.code))
        }
    }

    /// Valid as libphonenumber has it: a few valid numbers have more than E.164's 15 digits.
    func isValid(_ reading: PhoneNumberReading) -> Bool {
        validRegion(callingCode: reading.callingCode, national: reading.national) != nil
    }

    /// Every valid reading of digits written without a `+`, one per distinct number: with the
    /// `+` put back, and as dialled in each region. Used when no default region is set.
    func validReadings(of digits: [UInt8]) -> [PhoneNumberReading] {
        var found: [PhoneNumberReading] = []
        func add(_ readings: [PhoneNumberReading]) {
            for reading in readings where isValid(reading) && !found.contains(where: { $0.e164 == reading.e164 }) {
                found.append(reading)
            }
        }
        add(readInternational(digits[...], route: .countryCodeWithoutPlus))
        for index in 0..<regionCount where entries[index].code != "001" {
            add(read(digits, dialledIn: region(at: index)))
        }
        return found
    }
}
