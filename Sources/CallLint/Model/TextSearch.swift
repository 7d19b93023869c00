/// Searches for an ASCII marker (`%40`, `*#`, `/api/v2/conversations/calls`) in bytes. The
/// standard `contains` on a String compares by Unicode equivalence through generic collection
/// algorithms, and showed in every profile; these markers are matched byte for byte.
enum TextSearch {
    /// Where `needle` first starts in `haystack`; nil when it does not occur.
    static func firstOffset(of needle: StaticString, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start
        guard count > 0 else { return 0 }
        guard haystack.count >= count else { return nil }
        for start in 0...(haystack.count - count) where haystack[start] == first[0] {
            var matched = 1
            while matched < count, haystack[start + matched] == first[matched] { matched += 1 }
            if matched == count { return start }
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether the text contains `needle`, compared as UTF-8 bytes (the rules look for `%40`,
    /// `(0)`, `[email`).
    func containsBytes(_ needle: StaticString) -> Bool {
        Array(utf8).withUnsafeBufferPointer { TextSearch.firstOffset(of: needle, in: $0) } != nil
    }
}
