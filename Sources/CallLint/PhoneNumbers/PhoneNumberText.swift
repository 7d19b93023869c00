/// What was written where a phone number goes, taken apart the way the person who pasted it
/// meant it: a `+` or not, the digits, the separators between them, an extension (`x123`,
/// `ext. 123`, `;ext=123`, `#123`) that is never dialled as digits, vanity letters
/// (`1-800-FLOWERS`) that stand for keypad digits, and a national `(0)`.
struct PhoneNumberText {
    let text: String
    var hasPlus = false
    /// Digit values 0 to 9, in order; vanity letters already turned into their keypad digits;
    /// the extension and a `(0)` left out.
    var digits: [UInt8] = []
    /// Separators between the digits (spaces, dashes, dots, parentheses, slashes), each once.
    var separators: [Character] = []
    /// Letters outside an extension, as written.
    var letters = ""
    /// Anything else, each once.
    var others: [Character] = []
    var hasNonASCIIDigits = false
    /// Where a `(0)` stood, as a count of the digits before it.
    var trunkZeroInParentheses: Int?
    /// The extension's digits and how it was introduced (`x`, `ext.`, `;ext=`, `#`).
    var extensionDigits: String?
    /// The extension as written, marker and digits: `x123`, `ext. 123`.
    var extensionText = ""

    /// Three or more letters are a vanity number, as libphonenumber reads them; fewer are a
    /// typing mistake (`O` for `0`) that no fix may guess at.
    var isVanity: Bool { letters.count >= 3 }

    init(_ text: String) {
        self.text = text
        var scalars = Array(text.unicodeScalars)
        if let split = Self.extensionStart(in: scalars) {
            extensionText = String(String.UnicodeScalarView(scalars[split.marker.lowerBound..<split.digits.upperBound]))
            extensionDigits = String(String.UnicodeScalarView(scalars[split.digits]))
            scalars.removeSubrange(split.marker.lowerBound...)
            while let last = scalars.last, last == " " || last == "," || last == "\t" { scalars.removeLast() }
        }
        let letterCount = scalars.count { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        digits.reserveCapacity(scalars.count)
        // Letters are ASCII here, and separators single scalars of a fixed set that no other
        // scalar is canonically equivalent to: both are gathered as scalars and made text once.
        var letterBytes: [UInt8] = []
        var separatorScalars: [Unicode.Scalar] = []
        var index = 0
        if scalars.first == "+" || scalars.first == "\u{FF0B}" {
            hasPlus = true
            index = 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "0"..."9":
                digits.append(UInt8(scalar.value) - UInt8(ascii: "0"))
            case "("
            where index + 1 < scalars.count && scalars[index] == "0" && scalars[index + 1] == ")" && !digits.isEmpty:
                trunkZeroInParentheses = digits.count
                index += 2
            case " ", "-", ".", "(", ")", "/", "\u{2010}"..."\u{2015}", "\u{2212}":
                if !separatorScalars.contains(scalar) { separatorScalars.append(scalar) }
            case "a"..."z", "A"..."Z":
                letterBytes.append(UInt8(scalar.value))
                if letterCount >= 3, let digit = Self.keypadDigit(scalar) { digits.append(digit) }
            default:
                if !scalar.isASCII, scalar.properties.numericType == .decimal,
                    let value = scalar.properties.numericValue, (0...9).contains(value)
                {
                    digits.append(UInt8(value))
                    hasNonASCIIDigits = true
                } else {
                    let character = Character(scalar)
                    if !others.contains(character) { others.append(character) }
                }
            }
        }
        separators = separatorScalars.map(Character.init)
        letters = String(decoding: letterBytes, as: UTF8.self)
    }

    static let extensionMarkers: [[Unicode.Scalar]] = [";ext", "extension", "extn", "ext", "x", "#"].map {
        Array($0.unicodeScalars)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Letters on a telephone keypad (ITU E.161), for the ASCII letters a vanity number is read
    /// from. Lowercased by setting one bit: the Unicode property lookup it replaced cost more
    /// than the rest of reading a number.
    static func keypadDigit(_ letter: Unicode.Scalar) -> UInt8? {
        guard isASCIILetter(letter) else { return nil }
        switch Unicode.Scalar(UInt8(letter.value) | 0x20) {
        case "a"..."c": return 2
        case "d"..."f": return 3
        case "g"..."i": return 4
        case "j"..."l": return 5
        case "m"..."o": return 6
        case "p"..."s": return 7
        case "t"..."v": return 8
        case "w"..."z": return 9
        default: return nil
        }
    }

    /// Where an extension starts: its marker and its digits, which end the text (a `#` may
    /// close them). The marker is `;ext=`, `ext`, `extn`, `extension`, `x` or `#`; a word
    /// marker right after a letter is part of a word (`MAX-1234` has no extension).
    static func extensionStart(in scalars: [Unicode.Scalar]) -> (marker: Range<Int>, digits: Range<Int>)? {
        var end = scalars.count
        if end > 0, scalars[end - 1] == "#" { end -= 1 }
        var start = end
        while start > 0, ("0"..."9").contains(scalars[start - 1]) { start -= 1 }
        guard start < end, end - start <= 20 else { return nil }
        var beforeDigits = start
        while beforeDigits > 0, [" ", ".", ":", "=", "\t"].contains(scalars[beforeDigits - 1]) { beforeDigits -= 1 }
        // Every marker ends in a letter or `#`: most numbers stop here.
        guard beforeDigits > 0, Self.isASCIILetter(scalars[beforeDigits - 1]) || scalars[beforeDigits - 1] == "#" else {
            return nil
        }
        for marker in Self.extensionMarkers {
            guard beforeDigits > marker.count else { continue }
            let markerStart = beforeDigits - marker.count
            let matches = zip(scalars[markerStart..<beforeDigits], marker).allSatisfy { written, wanted in
                written == wanted || (Self.isASCIILetter(written) && written.value | 0x20 == wanted.value)
            }
            guard matches else { continue }
            let previous = scalars[markerStart - 1]
            if Self.isASCIILetter(marker[0]), Self.isASCIILetter(previous) { return nil }
            guard scalars[..<markerStart].contains(where: { ("0"..."9").contains($0) }) else { return nil }
            return (markerStart..<start, start..<end)
        }
        return nil
    }
}
