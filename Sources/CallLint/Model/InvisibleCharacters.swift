/// Characters that a person cannot see in an address: they arrive with text copied from web
/// pages, spreadsheets and chat, and make the API reject an address that looks right.
enum InvisibleCharacters {
    static func name(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: return "TAB"
        case 0x0A: return "LINE FEED"
        case 0x0D: return "CARRIAGE RETURN"
        case 0x20: return "SPACE"
        case 0xA0: return "NO-BREAK SPACE"
        case 0xAD: return "SOFT HYPHEN"
        case 0x2000...0x200A: return spaceNames[Int(scalar.value - 0x2000)]
        case 0x200B: return "ZERO WIDTH SPACE"
        case 0x200C: return "ZERO WIDTH NON-JOINER"
        case 0x200D: return "ZERO WIDTH JOINER"
        case 0x200E: return "LEFT-TO-RIGHT MARK"
        case 0x200F: return "RIGHT-TO-LEFT MARK"
        case 0x202A...0x202E: return bidiNames[Int(scalar.value - 0x202A)]
        case 0x202F: return "NARROW NO-BREAK SPACE"
        case 0x2060: return "WORD JOINER"
        case 0x2066...0x2069: return isolateNames[Int(scalar.value - 0x2066)]
        case 0x3000: return "IDEOGRAPHIC SPACE"
        case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE (BOM)"
        default: return nil
        }
    }

    // Their Unicode names: messages add the code point once.
    static let spaceNames = [
        "EN QUAD", "EM QUAD", "EN SPACE", "EM SPACE", "THREE-PER-EM SPACE", "FOUR-PER-EM SPACE", "SIX-PER-EM SPACE",
        "FIGURE SPACE", "PUNCTUATION SPACE", "THIN SPACE", "HAIR SPACE",
    ]
    static let bidiNames = [
        "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE",
        "RIGHT-TO-LEFT OVERRIDE",
    ]
    static let isolateNames = [
        "LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE", "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE",
    ]

    /// Characters that are never wanted anywhere in an address (everything above but the
    /// plain space, which is only wrong at the ends or as a separator).
    static func isAlwaysInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x20 && name(of: scalar) != nil
    }

    static func isWhitespaceLike(_ scalar: Unicode.Scalar) -> Bool { name(of: scalar) != nil }

    /// The text with invisible characters removed and whitespace trimmed from both ends.
    static func cleaned(_ text: String) -> String {
        // Most values are ASCII, where only tabs, line breaks and spaces can be invisible: then
        // only the spaces at the ends go, found on the bytes.
        var text = text
        let kept = text.withUTF8 { bytes -> Range<Int>? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return start..<end
        }
        if let kept {
            guard kept.count < text.utf8.count else { return text }
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[kept]), as: UTF8.self) }
        }
        var scalars = String.UnicodeScalarView(text.unicodeScalars.filter { !isAlwaysInvisible($0) })
        while let first = scalars.first, isWhitespaceLike(first) { scalars.removeFirst() }
        while let last = scalars.last, isWhitespaceLike(last) { scalars.removeLast() }
        return String(scalars)
    }
}
