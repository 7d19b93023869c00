import Synchronization

/// libphonenumber's numbering plans, from the data generated into NumberingPlanData.swift:
/// which calling codes exist, which regions share each, and what their numbers look like.
/// The data stays in the binary's read-only text until a number needs it; a region's
/// automata are decoded the first time one of its numbers is checked.
final class NumberingPlan: Sendable {
    static let shared = NumberingPlan()

    /// Where each region's line is in the data, and its first fields, in the data's order
    /// (by calling code, the main region of a shared code first).
    struct Entry: Sendable {
        let code: String
        let callingCode: Int
        let line: Range<Int>
    }

    let entries: [Entry]
    /// Indexes into `entries` by calling code (0 to 999).
    let entriesByCallingCode: [[Int]]
    private let decoded: Mutex<[NumberingRegion?]>

    private init() {
        var entries: [Entry] = []
        var byCode = [[Int]](repeating: [], count: 1000)
        Self.withData { data in
            var start = 0
            while start < data.count {
                var end = start
                while end < data.count, data[end] != UInt8(ascii: "\n") { end += 1 }
                let fields = data[start..<end].split(separator: UInt8(ascii: "|"), maxSplits: 2, omittingEmptySubsequences: false)
                let callingCode = Int(String(decoding: fields[1], as: UTF8.self)) ?? 0
                byCode[callingCode].append(entries.count)
                entries.append(Entry(code: String(decoding: fields[0], as: UTF8.self), callingCode: callingCode, line: start..<end))
                start = end + 1
            }
        }
        self.entries = entries
        entriesByCallingCode = byCode
        decoded = Mutex([NumberingRegion?](repeating: nil, count: entries.count))
    }

    static func withData<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: encodedRegions.utf8Start, count: encodedRegions.utf8CodeUnitCount))
    }

    var regionCount: Int { entries.count }

    /// The region at a place in the data, decoded on first use.
    func region(at index: Int) -> NumberingRegion {
        if let region = decoded.withLock({ $0[index] }) { return region }
        let region = Self.withData { data in Self.decode(UnsafeBufferPointer(rebasing: data[entries[index].line])) }
        decoded.withLock { $0[index] = region }
        return region
    }

    /// The regions that share a calling code, the main one first; empty when no country has it.
    func regions(callingCode: Int) -> [NumberingRegion] {
        guard (0..<1000).contains(callingCode) else { return [] }
        return entriesByCallingCode[callingCode].map(region(at:))
    }

    func isCallingCode(_ code: Int) -> Bool {
        (1..<1000).contains(code) && !entriesByCallingCode[code].isEmpty
    }

    /// The region with this ISO 3166 code (any case).
    func region(code: String) -> NumberingRegion? {
        let wanted = code.uppercased()
        guard wanted != "001", let index = entries.firstIndex(where: { $0.code == wanted }) else { return nil }
        return region(at: index)
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
        let lengths = fields[3].split(separator: UInt8(ascii: ",")).map { UInt32(String(decoding: $0, as: UTF8.self), radix: 16) ?? 0 }
        func automaton(_ index: Int) -> DigitAutomaton? {
            fields[index].isEmpty ? nil : DigitAutomaton(encoded: UnsafeBufferPointer(rebasing: fields[index]))
        }
        func digits(_ text: some Collection<UInt8>) -> [UInt8] { text.map { $0 - UInt8(ascii: "0") } }
        let reading: NumberingRegion.NationalPrefixReading
        switch text(5) {
        case "local":
            reading = .local(automaton(11)!, areaCode: digits(fields[12]), otherwise: automaton(6))
        case "rules":
            reading = .rules(fields[13].split(separator: UInt8(ascii: ",")).map { rule in
                let parts = rule.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                return (digits(parts[0]), digits(parts[1]))
            })
        default:
            reading = .removed(automaton(6))
        }
        return NumberingRegion(
            code: text(0), callingCode: Int(text(1)) ?? 0, name: text(2), possibleLengths: lengths.first ?? 0,
            localOnlyLengths: lengths.last ?? 0,
            nationalPrefix: digits(fields[4]), nationalPrefixReading: reading,
            internationalPrefix: automaton(7), leadingDigits: automaton(8),
            generalPattern: automaton(9)!, validNumbers: automaton(10)!)
    }
}
