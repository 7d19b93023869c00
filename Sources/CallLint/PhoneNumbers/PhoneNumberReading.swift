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

    /// The number without its national (trunk) prefix, when the region's data says the
    /// prefix is one: the rest still has the region's shape (or the whole never did) and,
    /// with `checkingLength`, a length the region's numbers can have.
    func removingNationalPrefix(_ number: ArraySlice<UInt8>, in region: NumberingRegion, checkingLength: Bool)
        -> ArraySlice<UInt8>
    {
        let prefixLength: Int?
        if let parsing = region.nationalPrefixForParsing {
            prefixLength = parsing.longestPrefix(of: number)
        } else if region.rewritesNationalNumbers, !region.nationalPrefix.isEmpty, number.starts(with: region.nationalPrefix) {
            prefixLength = region.nationalPrefix.count
        } else {
            prefixLength = nil
        }
        guard let prefixLength, prefixLength > 0 else { return number }
        let rest = number.dropFirst(prefixLength)
        if region.generalPattern.accepts(number) && !region.generalPattern.accepts(rest) { return number }
        if checkingLength {
            let count = rest.count
            let tooLong = count > region.longestPossibleLength
            guard tooLong || (region.isPossibleLength(count) && !region.isLocalOnlyLength(count)) else { return number }
        }
        return rest
    }

    /// Digits written after a `+` or an international prefix: a country code and the national
    /// number, without a trunk prefix the region's data removes. Nil without a country code.
    func readInternational(_ digits: ArraySlice<UInt8>, route: PhoneNumberReading.Route) -> PhoneNumberReading? {
        guard let (code, length) = callingCode(prefixOf: digits), let main = regions(callingCode: code).first else { return nil }
        let national = removingNationalPrefix(digits.dropFirst(length), in: main, checkingLength: true)
        return PhoneNumberReading(callingCode: code, national: Array(national), route: route)
    }

    /// How digits without a `+` read when dialled in a region: after its international
    /// prefix, as its country code and a number, or as a national number.
    func read(_ digits: [UInt8], dialledIn region: NumberingRegion) -> PhoneNumberReading? {
        let all = digits[...]
        if let international = region.internationalPrefix, let length = international.longestPrefix(of: all), length > 0,
            length < digits.count, digits[length] != 0
        {
            return readInternational(all.dropFirst(length), route: .internationalPrefix(length: length))
        }
        let codeDigits = String(region.callingCode).utf8.map { $0 - UInt8(ascii: "0") }
        if digits.starts(with: codeDigits) {
            let potential = removingNationalPrefix(all.dropFirst(codeDigits.count), in: region, checkingLength: false)
            let tooLong = digits.count > region.longestPossibleLength
            if (!region.generalPattern.accepts(all) && region.generalPattern.accepts(potential)) || tooLong {
                let national = removingNationalPrefix(potential, in: region, checkingLength: true)
                guard national.count >= 2, national.count <= 17 else { return nil }
                return PhoneNumberReading(callingCode: region.callingCode, national: Array(national), route: .countryCodeWithoutPlus)
            }
        }
        let national = removingNationalPrefix(all, in: region, checkingLength: true)
        guard national.count >= 2, national.count <= 17 else { return nil }
        return PhoneNumberReading(callingCode: region.callingCode, national: Array(national), route: .national(region: region.code))
    }

    func isValid(_ reading: PhoneNumberReading) -> Bool {
        reading.national.count + String(reading.callingCode).count <= 15
            && validRegion(callingCode: reading.callingCode, national: reading.national) != nil
    }

    /// Every valid reading of digits written without a `+`, one per distinct number: with the
    /// `+` put back, and as dialled in each region. Used when no default region is set.
    func validReadings(of digits: [UInt8]) -> [PhoneNumberReading] {
        var found: [PhoneNumberReading] = []
        func add(_ reading: PhoneNumberReading?) {
            guard let reading, isValid(reading), !found.contains(where: { $0.e164 == reading.e164 }) else { return }
            found.append(reading)
        }
        add(readInternational(digits[...], route: .countryCodeWithoutPlus))
        for index in 0..<regionCount where entries[index].code != "001" {
            add(read(digits, dialledIn: region(at: index)))
        }
        return found
    }
}
