/// libphonenumber's short numbers, from the data generated into ShortNumberData.swift: for
/// each region, its emergency numbers (`911`, `112`, `000`, `10111`) and its short service
/// numbers, as automata over the digits written, matched whole. Decoded once, the first time
/// a number written without `+` is short enough to be one.
final class ShortNumbers: Sendable {
    static let shared = ShortNumbers()

    struct Region: Sendable {
        let code: String
        let emergency: DigitAutomaton?
        let short: DigitAutomaton?
    }

    /// For each length, the regions with an emergency or short number of that length: digits
    /// are matched against those alone (few regions have numbers of ten digits, most of three).
    private let regionsByLength: [[Region]]

    private init() {
        var regions: [Region] = []
        let data = UnsafeBufferPointer(
            start: Self.encodedRegions.utf8Start, count: Self.encodedRegions.utf8CodeUnitCount)
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            func automaton(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> DigitAutomaton? {
                field.isEmpty ? nil : DigitAutomaton(encoded: UnsafeBufferPointer(rebasing: field))
            }
            regions.append(
                Region(
                    code: String(decoding: fields[0], as: UTF8.self), emergency: automaton(fields[1]),
                    short: automaton(fields[2])))
        }
        let lengths = regions.map { region in
            (region.emergency?.acceptedLengths(upTo: Self.longestShortNumber) ?? 0)
                | (region.short?.acceptedLengths(upTo: Self.longestShortNumber) ?? 0)
        }
        regionsByLength = (0...Self.longestShortNumber).map { length in
            zip(regions, lengths).filter { $0.1 & (1 << UInt64(length)) != 0 }.map(\.0)
        }
    }

    private func candidates(_ digits: [UInt8]) -> [Region] {
        digits.count < regionsByLength.count ? regionsByLength[digits.count] : []
    }

    /// The regions where the digits, written without `+`, call the emergency services.
    func emergencyRegions(_ digits: [UInt8]) -> [String] {
        candidates(digits).filter { $0.emergency?.accepts(digits) ?? false }.map(\.code)
    }

    /// The regions where the digits are a short service number (emergency numbers among them).
    func shortRegions(_ digits: [UInt8]) -> [String] {
        candidates(digits).filter { $0.short?.accepts(digits) ?? false }.map(\.code)
    }

    func isShortNumber(_ digits: [UInt8], in region: String) -> Bool {
        guard let found = candidates(digits).first(where: { $0.code == region }) else { return false }
        return (found.short?.accepts(digits) ?? false) || (found.emergency?.accepts(digits) ?? false)
    }
}
