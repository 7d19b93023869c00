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
        /// A national number of the region with this code and name.
        case national(regionCode: String, regionName: String)
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
        for rank in 0..<regionCount(callingCode: callingCode) {
            let region = region(callingCode: callingCode, rank: rank)
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
        switch region.nationalPrefixReading {
        case .removed(let automaton):
            return [
                Array(
                    number.dropFirst(removedPrefixLength(number, automaton, in: region, checkingLength: checkingLength))
                )
            ]
        case .local(let local, let areaCode, let otherwise):
            guard local.accepts(number) else {
                return [
                    Array(
                        number.dropFirst(
                            removedPrefixLength(number, otherwise, in: region, checkingLength: checkingLength)))
                ]
            }
            let withAreaCode = areaCode + number
            return [
                isAcceptable(withAreaCode, for: number, in: region, checkingLength: checkingLength)
                    ? withAreaCode : Array(number)
            ]
        case .rules(let rules):
            var readings = [Array(number)]
            for rule in rules.matching(number) {
                let candidate = rule.replacement + number.dropFirst(rule.prefix.count)
                if isAcceptable(candidate, for: number, in: region, checkingLength: checkingLength),
                    !readings.contains(candidate)
                {
                    readings.append(candidate)
                }
            }
            return readings
        }
    }

    /// Whether `candidate` may stand for `number` once a prefix is read off: it keeps the
    /// region's shape (or the whole never had it) and, with `checkingLength`, has a length the
    /// region's numbers can have (or is too long for any).
    func isAcceptable(
        _ candidate: some Collection<UInt8>, for number: ArraySlice<UInt8>, in region: NumberingRegion,
        checkingLength: Bool
    ) -> Bool {
        if region.generalPattern.accepts(number) && !region.generalPattern.accepts(candidate) { return false }
        guard checkingLength else { return true }
        let count = candidate.count
        return count > region.longestPossibleLength
            || (region.isPossibleLength(count) && !region.isLocalOnlyLength(count))
    }

    /// How many leading digits a prefix pattern reads off `number`: 0 when none, or when the
    /// rest would not be acceptable.
    func removedPrefixLength(
        _ number: ArraySlice<UInt8>, _ automaton: DigitAutomaton?, in region: NumberingRegion, checkingLength: Bool
    ) -> Int {
        guard let automaton, let length = automaton.longestPrefix(of: number), length > 0 else { return 0 }
        return isAcceptable(number.dropFirst(length), for: number, in: region, checkingLength: checkingLength)
            ? length : 0
    }

    /// Digits written after a `+` or an international prefix: a country code and the national
    /// number, read as libphonenumber reads them. Empty without a country code.
    func readInternational(_ digits: ArraySlice<UInt8>, route: PhoneNumberReading.Route) -> [PhoneNumberReading] {
        guard let (code, length) = callingCode(prefixOf: digits), let main = mainRegion(callingCode: code) else {
            return []
        }
        return nationalNumbers(digits.dropFirst(length), in: main, checkingLength: true).map {
            PhoneNumberReading(callingCode: code, national: $0, route: route)
        }
    }

    /// How digits without a `+` read when dialled in a region: after its international
    /// prefix, as its country code and a number, or as a national number.
    func read(_ digits: [UInt8], dialledIn region: NumberingRegion) -> [PhoneNumberReading] {
        let all = digits[...]
        if let international = region.internationalPrefix, let length = international.longestPrefix(of: all),
            length > 0,
            length < digits.count, digits[length] != 0
        {
            return readInternational(all.dropFirst(length), route: .internationalPrefix(length: length))
        }
        let codeDigits = region.callingCodeDigits
        var readings: [PhoneNumberReading] = []
        if digits.starts(with: codeDigits) {
            let rest = all.dropFirst(codeDigits.count)
            let tooLong = digits.count > region.longestPossibleLength
            for potential in nationalNumbers(rest, in: region, checkingLength: false)
            where (!region.generalPattern.accepts(all) && region.generalPattern.accepts(potential)) || tooLong {
                for national in nationalNumbers(potential[...], in: region, checkingLength: true)
                where (2...17).contains(national.count) {
                    readings.append(
                        PhoneNumberReading(
                            callingCode: region.callingCode, national: national, route: .countryCodeWithoutPlus))
                }
            }
            if !readings.isEmpty { return readings }
        }
        return nationalNumbers(all, in: region, checkingLength: true).filter { (2...17).contains($0.count) }.map {
            PhoneNumberReading(
                callingCode: region.callingCode, national: $0,
                route: .national(regionCode: region.code, regionName: region.name))
        }
    }

    /// Valid as libphonenumber has it: a few valid numbers have more than E.164's 15 digits.
    func isValid(_ reading: PhoneNumberReading) -> Bool {
        validRegion(callingCode: reading.callingCode, national: reading.national) != nil
    }

    /// The valid readings of digits written without a `+`, one per distinct number: with the
    /// `+` put back, and as dialled in each region. Used when no default region is set. The
    /// search stops at `limit` readings: past one, the number is ambiguous, and a message names
    /// only the first few.
    func validReadings(of digits: [UInt8], limit: Int = .max) -> [PhoneNumberReading] {
        var found: [PhoneNumberReading] = []
        // Each distinct number is tested once, however many regions read the digits as it.
        var seen: [PhoneNumberReading] = []
        func add(_ readings: [PhoneNumberReading]) {
            for reading in readings
            where !seen.contains(where: { $0.callingCode == reading.callingCode && $0.national == reading.national }) {
                seen.append(reading)
                if isValid(reading) { found.append(reading) }
            }
        }
        add(readInternational(digits[...], route: .countryCodeWithoutPlus))
        // Most regions read the digits as a national number with at most a plain prefix read
        // off: such a reading is (calling code, where it starts), tested once however many
        // regions share the code; the rest go through `read` in full.
        var tested: [(callingCode: Int, start: Int)] = []
        var internationalTested: [Int] = []
        var ccStartsRead: [Int] = []
        let all = digits[...]
        // The values of the first one, two and three digits, to compare with calling codes.
        let leading = (1...3).map { count in digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let first = UInt16(1) << UInt16(digits[0])
        let metadata = Self.scanMetadata
        // In the data's order (by calling code): North America's readings come first.
        for place in metadata.indices where found.count < limit {
            let meta = metadata[place]
            guard meta.isGeographic else { continue }
            let codeLength = meta.callingCode < 10 ? 1 : meta.callingCode < 100 ? 2 : 3
            // Regions the digits cannot be read in are passed over without decoding them.
            if meta.mayStartWithInternationalPrefix(digits) {
                let region = region(at: place)
                if let international = region.internationalPrefix, let length = international.longestPrefix(of: all),
                    length > 0,
                    length < digits.count, digits[length] != 0
                {
                    guard !internationalTested.contains(length) else { continue }
                    internationalTested.append(length)
                    add(read(digits, dialledIn: region))
                    continue
                }
            }
            if meta.kind == 2 {
                let region = region(at: place)
                if case .rules(let rules) = region.nationalPrefixReading, !meta.mayBeNational(digits, from: 0),
                    rules.firstDigits & first == 0
                {
                    continue
                }
                add(read(digits, dialledIn: region))
                continue
            }
            if digits.count > codeLength, leading[codeLength - 1] == meta.callingCode {
                let region = region(at: place)
                // Every reading a region that only removes a prefix (here) can give is the digits from
                // one of four places on, under its calling code: the first region of a shared
                // code is read in full, the others only test those places not yet tested.
                let plainPrefix: DigitAutomaton??
                switch region.nationalPrefixReading {
                case .removed(let prefix): plainPrefix = .some(prefix)
                case .local(let local, _, let otherwise): plainPrefix = local.accepts(all) ? nil : .some(otherwise)
                case .rules: plainPrefix = nil
                }
                if let prefix = plainPrefix, ccStartsRead.contains(region.callingCode) {
                    let code = region.callingCodeDigits.count
                    let starts = [
                        0, prefix?.longestPrefix(of: all) ?? 0, code,
                        code + (prefix?.longestPrefix(of: all.dropFirst(code)) ?? 0),
                    ]
                    for start in starts
                    where meta.mayBeNational(digits, from: start)
                        && !tested.contains(where: { $0 == (region.callingCode, start) })
                    {
                        tested.append((region.callingCode, start))
                        add([
                            PhoneNumberReading(
                                callingCode: region.callingCode, national: Array(all.dropFirst(start)),
                                route: .countryCodeWithoutPlus)
                        ])
                    }
                    continue
                }
                ccStartsRead.append(region.callingCode)
                add(read(digits, dialledIn: region))
                continue
            }
            if meta.kind == 1, meta.localLengths & (1 << UInt32(min(digits.count, 31))) != 0 {
                let region = region(at: place)
                if case .local(let local, _, _) = region.nationalPrefixReading, local.accepts(all) {
                    add(read(digits, dialledIn: region))
                    continue
                }
            }
            let mayBePrefixed = meta.nationalPrefixFirstDigits & first != 0
            // National prefixes are at most 7 digits (Japan's 0037680).
            guard
                meta.mayBeNational(digits, from: 0)
                    || (mayBePrefixed && (1...7).contains { meta.mayBeNational(digits, from: $0) })
            else { continue }
            let region = region(at: place)
            let prefix: DigitAutomaton?
            switch region.nationalPrefixReading {
            case .removed(let automaton), .local(_, _, let automaton): prefix = automaton
            case .rules: prefix = nil
            }
            let start = mayBePrefixed ? removedPrefixLength(all, prefix, in: region, checkingLength: true) : 0
            guard meta.mayBeNational(digits, from: start),
                !tested.contains(where: { $0 == (region.callingCode, start) })
            else { continue }
            tested.append((region.callingCode, start))
            guard validRegion(callingCode: region.callingCode, national: all.dropFirst(start)) != nil else { continue }
            add(read(digits, dialledIn: region))
        }
        return found
    }
}
