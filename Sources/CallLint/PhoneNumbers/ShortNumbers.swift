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

    private let regions: [Region]
    /// No short number has more digits: longer digits are not looked up.
    let longestLength: Int

    private init() {
        var regions: [Region] = []
        let data = UnsafeBufferPointer(start: Self.encodedRegions.utf8Start, count: Self.encodedRegions.utf8CodeUnitCount)
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
        self.regions = regions
        longestLength = regions.map { region in
            max(region.emergency?.longestAcceptedLength(upTo: 20) ?? 0, region.short?.longestAcceptedLength(upTo: 20) ?? 0)
        }.max() ?? 0
    }

    /// The regions where the digits, written without `+`, call the emergency services.
    func emergencyRegions(_ digits: [UInt8]) -> [String] {
        guard digits.count <= longestLength else { return [] }
        return regions.filter { $0.emergency?.accepts(digits) ?? false }.map(\.code)
    }

    /// The regions where the digits are a short service number (emergency numbers among them).
    func shortRegions(_ digits: [UInt8]) -> [String] {
        guard digits.count <= longestLength else { return [] }
        return regions.filter { $0.short?.accepts(digits) ?? false }.map(\.code)
    }

    func isShortNumber(_ digits: [UInt8], in region: String) -> Bool {
        guard digits.count <= longestLength, let found = regions.first(where: { $0.code == region }) else {
            return false
        }
        return (found.short?.accepts(digits) ?? false) || (found.emergency?.accepts(digits) ?? false)
    }
}
