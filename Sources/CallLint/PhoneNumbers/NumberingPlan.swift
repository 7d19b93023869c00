import Synchronization

/// libphonenumber's numbering plans, from the data generated into NumberingPlanData.swift:
/// which calling codes exist, which regions share each, and what their numbers look like.
/// The data stays in the binary's read-only text until a number needs it; a region's
/// automata are decoded the first time one of its numbers is checked, and read without a
/// lock after that.
final class NumberingPlan: Sendable {
    static let shared = NumberingPlan()

    /// Where a region's line is in `encodedRegions` (a struct, not a tuple: tuple metadata
    /// would be built at run time, by demangling, on the first check of a number).
    struct IndexEntry: Sendable {
        let code: StaticString
        let callingCode: Int
        let start: Int
        let end: Int

        init(_ code: StaticString, _ callingCode: Int, _ start: Int, _ end: Int) {
            self.code = code
            self.callingCode = callingCode
            self.start = start
            self.end = end
        }
    }

    /// Decoded regions, published once each by whichever thread decodes one first: a word per
    /// region holding the region's address (0 until decoded). A plain atomic load on the hot
    /// path; decoded regions live as long as the process.
    private nonisolated(unsafe) let slots: UnsafeMutablePointer<Atomic<UInt>>
    /// How many regions the data has (places 0 to regionCount - 1).
    let regionCount: Int
    /// Where each calling code's regions start in the data (they are contiguous, the main
    /// region of a shared code first), and how many there are; by calling code, 0 to 999.
    private let firstPlaceByCallingCode: [UInt16]
    private let placeCountByCallingCode: [UInt8]

    private init() {
        var first = [UInt16](repeating: 0, count: 1000)
        var count = [UInt8](repeating: 0, count: 1000)
        for (place, entry) in Self.index.enumerated() {
            if count[entry.callingCode] == 0 { first[entry.callingCode] = UInt16(place) }
            count[entry.callingCode] += 1
        }
        firstPlaceByCallingCode = first
        placeCountByCallingCode = count
        regionCount = Self.index.count
        slots = .allocate(capacity: regionCount)
        for place in 0..<regionCount { (slots + place).initialize(to: Atomic(0)) }
    }

    /// What the scan of every country for a number's readings knows of a region before it
    /// decodes it (generated with the data): enough to pass over most regions for a given
    /// number without decoding them.
    struct ScanMetadata: Sendable {
        let callingCode: Int
        /// A country's region, not a non-geographic code's (001).
        let isGeographic: Bool
        /// Bit d: a valid number of some region sharing the calling code starts with digit d.
        let callingCodeFirstDigits: UInt16
        /// Bit n: some region sharing the calling code has numbers of n digits.
        let callingCodeLengths: UInt32
        /// Bit d: the international prefix can start with d, and have d as its second digit.
        let internationalFirstDigits: UInt16
        let internationalSecondDigits: UInt16
        /// Bit d: the national prefix read off national numbers can start with d.
        let nationalPrefixFirstDigits: UInt16
        /// Bit n: a local number of n digits gains an area code there.
        let localLengths: UInt32
        /// 0: the national prefix is removed; 1: local numbers gain an area code; 2: rules.
        let kind: UInt8

        init(
            _ callingCode: Int, _ isGeographic: Bool, _ first: UInt16, _ lengths: UInt32, _ iddFirst: UInt16,
            _ iddSecond: UInt16, _ prefixFirst: UInt16, _ localLengths: UInt32, _ kind: UInt8
        ) {
            self.callingCode = callingCode
            self.isGeographic = isGeographic
            callingCodeFirstDigits = first
            callingCodeLengths = lengths
            internationalFirstDigits = iddFirst
            internationalSecondDigits = iddSecond
            nationalPrefixFirstDigits = prefixFirst
            self.localLengths = localLengths
            self.kind = kind
        }

        /// Whether a national number could start at `start` of the digits: a length and a
        /// first digit that some region of the calling code has.
        func mayBeNational(_ digits: [UInt8], from start: Int) -> Bool {
            let count = digits.count - start
            return count > 0 && count < 32 && callingCodeLengths & (1 << UInt32(count)) != 0
                && callingCodeFirstDigits & (1 << UInt16(digits[start])) != 0
        }

        /// Whether the digits may start with the international prefix.
        func mayStartWithInternationalPrefix(_ digits: [UInt8]) -> Bool {
            digits.count > 1 && internationalFirstDigits & (1 << UInt16(digits[0])) != 0
                && (internationalSecondDigits == 0 || internationalSecondDigits & (1 << UInt16(digits[1])) != 0)
        }
    }

    /// The region at a place in the data, decoded on first use.
    func region(at place: Int) -> NumberingRegion {
        let address = slots[place].load(ordering: .acquiring)
        if address != 0 {
            return Unmanaged<NumberingRegion>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).takeUnretainedValue()
        }
        let entry = Self.index[place]
        let decoded = Self.decode(
            UnsafeBufferPointer(start: Self.encodedRegions.utf8Start + entry.start, count: entry.end - entry.start))
        let retained = UInt(bitPattern: Unmanaged.passRetained(decoded).toOpaque())
        let (exchanged, original) = slots[place].compareExchange(
            expected: 0, desired: retained, ordering: .acquiringAndReleasing)
        if exchanged { return decoded }
        Unmanaged<NumberingRegion>.fromOpaque(UnsafeRawPointer(bitPattern: retained)!).release()
        return Unmanaged<NumberingRegion>.fromOpaque(UnsafeRawPointer(bitPattern: original)!).takeUnretainedValue()
    }

    /// How many regions share a calling code; 0 when no country has it.
    func regionCount(callingCode: Int) -> Int {
        (0..<1000).contains(callingCode) ? Int(placeCountByCallingCode[callingCode]) : 0
    }

    /// The `rank`th region of a calling code, the main one first.
    func region(callingCode: Int, rank: Int) -> NumberingRegion {
        region(at: Int(firstPlaceByCallingCode[callingCode]) + rank)
    }

    /// The main region of a calling code, nil when no country has it.
    func mainRegion(callingCode: Int) -> NumberingRegion? {
        regionCount(callingCode: callingCode) > 0 ? region(callingCode: callingCode, rank: 0) : nil
    }

    func isCallingCode(_ code: Int) -> Bool { code > 0 && regionCount(callingCode: code) > 0 }

    /// The ISO 3166 codes of the regions, in the data's order (non-geographic entities left out).
    static var regionCodes: [String] {
        index.filter { $0.code.utf8CodeUnitCount == 2 }.map { String(describing: $0.code) }
    }

    /// The region with this ISO 3166 code (any case).
    func region(code: String) -> NumberingRegion? {
        let wanted = Array(code.uppercased().utf8)
        guard wanted.count == 2,
            let place = Self.index.firstIndex(where: { entry in
                entry.code.utf8CodeUnitCount == 2 && entry.code.utf8Start[0] == wanted[0]
                    && entry.code.utf8Start[1] == wanted[1]
            })
        else { return nil }
        return region(at: place)
    }

    /// The calling code a string of international digits starts with, and its length.
    /// Calling codes are prefix-free, so at most one of the first 1, 2 or 3 digits is one.
    func callingCode(prefixOf digits: some Collection<UInt8>) -> (code: Int, length: Int)? {
        var code = 0
        for (offset, digit) in digits.prefix(3).enumerated() {
            code = code * 10 + Int(digit)
            if code == 0 { return nil }
            if isCallingCode(code) { return (code, offset + 1) }
        }
        return nil
    }

    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> NumberingRegion {
        let fields = line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        func text(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
        let lengths = fields[3].split(separator: UInt8(ascii: ",")).map {
            UInt32(String(decoding: $0, as: UTF8.self), radix: 16) ?? 0
        }
        func automaton(_ index: Int) -> DigitAutomaton? {
            fields[index].isEmpty ? nil : DigitAutomaton(encoded: UnsafeBufferPointer(rebasing: fields[index]))
        }
        func digits(_ text: some Collection<UInt8>) -> [UInt8] { text.map { $0 - UInt8(ascii: "0") } }
        let reading: NumberingRegion.NationalPrefixReading
        switch text(5) {
        case "local":
            reading = .local(automaton(11)!, areaCode: digits(fields[12]), otherwise: automaton(6))
        case "rules":
            reading = .rules(
                PrefixRules(
                    fields[13].split(separator: UInt8(ascii: ",")).map { rule in
                        let parts = rule.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                        return (digits(parts[0]), digits(parts[1]))
                    }))
        default:
            reading = .removed(automaton(6))
        }
        return NumberingRegion(
            code: text(0), callingCode: Int(text(1)) ?? 0, name: text(2), possibleLengths: lengths.first ?? 0,
            localOnlyLengths: lengths.last ?? 0, nationalPrefixReading: reading,
            internationalPrefix: automaton(7), leadingDigits: automaton(8), generalPattern: automaton(9)!,
            validNumbers: automaton(10)!)
    }
}
