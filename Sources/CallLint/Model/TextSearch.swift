/// Searches for an ASCII marker (`%40`, `*#`, `/api/v2/conversations/calls`) in bytes. The
/// standard `contains` on a String compares by Unicode equivalence through generic collection
/// algorithms, and showed in every profile; these markers are matched byte for byte.
public enum TextSearch {
    /// Where `needle` first starts in `haystack`; nil when it does not occur.
    public static func firstOffset(of needle: StaticString, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
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

    /// Whether the text holds the ASCII `character`, as the standard `contains` answers it (by
    /// characters, where a combining mark after it makes another character). Most texts are
    /// decided by their bytes: without the byte the character is absent, and in ASCII text
    /// the byte is the character. Only non-ASCII text with the byte is searched by characters.
    func containsASCII(_ character: Unicode.Scalar) -> Bool {
        assert(character.isASCII, "containsASCII looks for an ASCII character")
        let wanted = UInt8(character.value)
        var found = false
        var isASCII = true
        for byte in utf8 {
            if byte == wanted { found = true }
            if byte >= 0x80 { isASCII = false }
        }
        return found && (isASCII || contains(Character(character)))
    }
}

extension String {
    /// The text with every `needle` replaced. ASCII text is rewritten byte by byte, which is
    /// the same as by characters there (its only character of two bytes, CR LF, is in no
    /// needle); other text goes through the standard `replacing`, by characters. The standard
    /// one cost more, on ASCII text, than the rest of checking the value.
    func replacingASCII(_ needle: StaticString, with replacement: StaticString) -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return self.replacing(needle.description, with: replacement.description)
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var rest = bytes[...]
            while let offset = TextSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: rest)) {
                result += rest.prefix(offset)
                result += UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
                rest = rest.dropFirst(offset + needle.utf8CodeUnitCount)
            }
            result += rest
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix` (`sip:`), without making
    /// the lowercased copy when the bytes decide: when the text's first bytes, one past the
    /// prefix, are ASCII, lowercasing maps them one to one and no mark can join the last
    /// character of the prefix. Otherwise the standard way answers.
    func lowercasedHasPrefix(_ prefix: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var bytes = utf8.makeIterator()
        for index in 0...wanted.count {
            guard let byte = bytes.next() else { return index == wanted.count }
            guard byte < 0x80 else { return lowercased().hasPrefix(prefix.description) }
            guard index < wanted.count else { return true }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            // A later non-ASCII byte cannot change what this one lowercases to.
            if lower != wanted[index] { return false }
        }
        return true
    }
}
