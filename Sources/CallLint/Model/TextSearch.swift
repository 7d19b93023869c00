extension StringProtocol {
    /// Whether the text contains `needle`, compared as UTF-8 bytes. The rules look for ASCII
    /// markers (`%40`, `(0)`, `[email`); the standard `contains` compares by Unicode
    /// equivalence through generic collection algorithms, and showed in every profile.
    func containsBytes(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start
        let haystack = Array(utf8)
        guard count > 0, haystack.count >= count else { return count == 0 }
        return haystack.withUnsafeBufferPointer { bytes in
            for start in 0...(bytes.count - count) where bytes[start] == first[0] {
                var matched = 1
                while matched < count, bytes[start + matched] == first[matched] { matched += 1 }
                if matched == count { return true }
            }
            return false
        }
    }
}
