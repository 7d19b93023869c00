/// What was written where a phone number goes, taken apart the way the person who pasted it
/// meant it: a label before the number (`Tel.`, `Phone:`) and notes after it (`(office)`,
/// `- mobile`) that are not part of it, a `+` or not, the digits, the separators between them,
/// an extension in any spelling libphonenumber reads (`x123`, `ext. 123`, `;ext=123`, `#123`,
/// `,,123`, `anexo 123`, `доб. 123`, ` 123#`) that is never dialled as digits, vanity letters
/// inside the number (`1-800-FLOWERS`) that stand for keypad digits, and a national `(0)`.
struct PhoneNumberText {
    let text: String
    var hasPlus = false
    /// Digit values 0 to 9, in order; vanity letters already turned into their keypad digits;
    /// the label, notes, extension and a `(0)` left out.
    var digits: [UInt8] = []
    /// Separators between the digits (spaces, dashes, dots, parentheses, slashes), each once.
    var separators: [Character] = []
    /// Letters inside the number, as written.
    var letters = ""
    /// Anything else, each once.
    var others: [Character] = []
    var hasNonASCIIDigits = false
    /// Where a `(0)` stood, as a count of the digits before it.
    var trunkZeroInParentheses: Int?
    /// The extension's digits, as ASCII digits.
    var extensionDigits: String?
    /// The extension as written, marker and digits: `x123`, `ext. 123`.
    var extensionText = ""
    /// Words before the number, as written (`Tel.`, `Phone:`, `☎`).
    var label: String?
    /// Notes after the number, as written (`(office)`, `- mobile`).
    var notes: [String] = []
    /// A last word of letters after a space (`+1 800 FLOWERS`, `+44 20 7946 0958 office`): vanity
    /// letters or a note. Read as letters here; `trailingWordIsNote` reads it as a note.
    var trailingWord: String?

    /// Three or more letters are a vanity number, as libphonenumber reads them; fewer are a
    /// typing mistake (`O` for `0`) that no fix may guess at.
    var isVanity: Bool { letters.count >= 3 }

    /// Whether anything but the number itself was written: a label, notes.
    var hasWordsAround: Bool { label != nil || !notes.isEmpty }

    init(_ text: String, trailingWordIsNote: Bool = false) {
        self.text = text
        var scalars = Array(text.unicodeScalars)
        notes = Self.removeNotes(from: &scalars)
        label = Self.removeLabel(from: &scalars)
        if let split = Self.extensionStart(in: scalars) {
            extensionText = Self.text(scalars[split.marker.lowerBound..<split.digits.upperBound])
            extensionDigits = String(scalars[split.digits].map { Character(Self.asciiDigit($0) ?? $0) })
            scalars.removeSubrange(split.marker.lowerBound...)
            while let last = scalars.last, Self.isSpace(last) || last == "," { scalars.removeLast() }
        }
        if let word = Self.trailingWordRange(in: scalars) {
            if trailingWordIsNote {
                notes.insert(String(String.UnicodeScalarView(scalars[word])), at: 0)
                scalars.removeSubrange(word.lowerBound...)
                while let last = scalars.last, Self.isSpace(last) { scalars.removeLast() }
            } else {
                trailingWord = String(String.UnicodeScalarView(scalars[word]))
            }
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
            case " ", "-", ".", "(", ")", "/", "\u{2010}"..."\u{2015}", "\u{2212}", "\u{00A0}":
                if !separatorScalars.contains(scalar) { separatorScalars.append(scalar) }
            case "a"..."z", "A"..."Z":
                letterBytes.append(UInt8(scalar.value))
                if letterCount >= 3, let digit = Self.keypadDigit(scalar) { digits.append(digit) }
            default:
                if let digit = Self.asciiDigit(scalar), !scalar.isASCII {
                    digits.append(UInt8(digit.value) - UInt8(ascii: "0"))
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

    /// The ASCII digit a decimal digit of any script stands for.
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if ("0"..."9").contains(scalar) { return scalar }
        guard !scalar.isASCII, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
            (0...9).contains(value)
        else { return nil }
        return Unicode.Scalar(UInt8(ascii: "0") + UInt8(value))
    }

    /// The scalars as text, without spaces around them.
    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars.drop(while: isSpace).reversed().drop(while: isSpace).reversed()))
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { asciiDigit(scalar) != nil }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{00A0}" }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic && !isDigit(scalar) }

    /// Takes the words before the first digit or `+` off the text: a label such as `Tel.`,
    /// `Phone:` or `☎`. Only separators before the number (`(317) …`) are no label.
    static func removeLabel(from scalars: inout [Unicode.Scalar]) -> String? {
        guard let start = scalars.firstIndex(where: { isDigit($0) || $0 == "+" || $0 == "\u{FF0B}" }), start > 0
        else { return nil }
        let before = scalars[..<start]
        guard before.contains(where: { !isSpace($0) && !"-.()/[".unicodeScalars.contains($0) }) else { return nil }
        // An opening parenthesis right before the digits belongs to the number: `Tel. (317) …`.
        var end = start
        while end > 0, scalars[end - 1] == "(" || isSpace(scalars[end - 1]) { end -= 1 }
        var keep = end
        while keep < start, isSpace(scalars[keep]) { keep += 1 }
        let label = text(scalars[..<end])
        scalars.removeSubrange(..<keep)
        return label
    }

    /// Takes notes off the end of the text, last first: a bracketed group with a letter in it
    /// that is not an extension (`(M)`, `(UK)`, `[work]`, `(24h)`), or words without digits
    /// after ` - `, ` – `, `, ` or `; ` (`- office`).
    static func removeNotes(from scalars: inout [Unicode.Scalar]) -> [String] {
        var notes: [String] = []
        while true {
            var end = scalars.count
            while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
            guard end > 0, scalars[..<end].contains(where: isDigit) else { break }
            var start: Int?
            let closers: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{", "\u{FF09}": "\u{FF08}"]
            if let opener = closers[scalars[end - 1]], let open = scalars[..<(end - 1)].lastIndex(of: opener) {
                let inside = scalars[(open + 1)..<(end - 1)]
                if inside.contains(where: isLetter), !startsWithExtensionLabel(inside) { start = open }
            } else if let mark = scalars[..<end].lastIndex(where: noteMarks.contains), mark > 0, mark + 1 < end,
                isSpace(scalars[mark + 1]), isSpace(scalars[mark - 1]) || scalars[mark] == "," || scalars[mark] == ";"
            {
                // Words, no digits, after ` - ` or `, `: a note, unless they are an extension's label.
                let after = scalars[(mark + 1)..<end]
                if !after.contains(where: isDigit), after.contains(where: isLetter), !startsWithExtensionLabel(after) {
                    start = mark
                }
            }
            guard let start else { break }
            notes.insert(text(scalars[start..<end]), at: 0)
            scalars.removeSubrange(start...)
            while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        }
        return notes
    }

    static let noteMarks: Set<Unicode.Scalar> = [",", ";", "-", "\u{2013}", "\u{2014}", "|"]

    /// Whether text begins (after spaces) with an extension label: a bracket holding `ext 12`
    /// is the extension, not a note.
    static func startsWithExtensionLabel(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let letters = text.drop(while: isSpace).prefix(while: isLetter)
        let word = String(String.UnicodeScalarView(letters)).lowercased()
        return ["x", "ext", "extn", "extension", "anexo", "доб", "int", "ramal"].contains(word)
            || (word.hasPrefix("ext") && word.count <= 10)
    }

    /// A last word of ASCII letters after a space, with digits before it.
    static func trailingWordRange(in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var start = scalars.count
        while start > 0, isASCIILetter(scalars[start - 1]) { start -= 1 }
        guard start < scalars.count, start > 0, isSpace(scalars[start - 1]),
            scalars[..<start].contains(where: isDigit)
        else { return nil }
        return start..<scalars.count
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

    /// Where an extension starts: its marker and its digits, which end the text. The spellings
    /// are libphonenumber's (its extension patterns for parsing): `;ext=` and up to 20 digits;
    /// an explicit label (`ext`, `extn`, `extension`, `extensión`, `anexo`, `доб`, full-width
    /// `ｅｘｔ`) and up to 20; a one-character or ambiguous label (`x`, `#`, `~`, `int`) and up
    /// to 9; ` 123#` (6); `,,` or `;` and up to 15; commas and up to 9. A `#` may close the
    /// digits. Beyond libphonenumber, a letter label right after a letter is part of a word
    /// (`MAX-1234` has no extension), and at least two digits come before the marker.
    static func extensionStart(in scalars: [Unicode.Scalar]) -> (marker: Range<Int>, digits: Range<Int>)? {
        var end = scalars.count
        let closedByHash = end > 0 && (scalars[end - 1] == "#" || scalars[end - 1] == "\u{FF03}")
        if closedByHash { end -= 1 }
        var digitStart = end
        while digitStart > 0, isDigit(scalars[digitStart - 1]) { digitStart -= 1 }
        let count = end - digitStart
        guard count > 0, count <= 20 else { return nil }
        // Between the label and the digits: an optional `:` or `.`, then spaces, commas, dashes.
        var labelEnd = digitStart
        while labelEnd > 0,
            isSpace(scalars[labelEnd - 1]) || scalars[labelEnd - 1] == "," || scalars[labelEnd - 1] == "-"
        {
            labelEnd -= 1
        }
        let gapStart = labelEnd
        if labelEnd > 0, [":", ".", "\u{FF0E}"].contains(scalars[labelEnd - 1]) { labelEnd -= 1 }
        func digitsBefore(_ index: Int) -> Int { scalars[..<index].count(where: isDigit) }
        func withSeparators(_ labelStart: Int, commas: Bool) -> Int {
            var start = labelStart
            while start > 0, isSpace(scalars[start - 1]) || (commas && scalars[start - 1] == ",") { start -= 1 }
            return start
        }
        // `;ext=` exactly.
        if labelEnd == digitStart, labelEnd >= 5, !closedByHash,
            String(String.UnicodeScalarView(scalars[(labelEnd - 5)..<labelEnd])).lowercased() == ";ext=",
            digitsBefore(labelEnd - 5) >= 2
        {
            return ((labelEnd - 5)..<digitStart, digitStart..<end)
        }
        if let (labelStart, limit) = label(endingAt: labelEnd, in: scalars), count <= limit,
            digitsBefore(labelStart) >= 2
        {
            if isASCIILetter(scalars[labelStart]), labelStart > 0, isLetter(scalars[labelStart - 1]) { return nil }
            return (withSeparators(labelStart, commas: true)..<digitStart, digitStart..<end)
        }
        // Auto-dialling: `,,` or `;` (up to 15 digits), or commas alone (up to 9), then an
        // optional `:` or `.`, then spaces, commas and dashes.
        var pauseStart = digitStart
        while pauseStart > 0, [" ", "\t", "\u{00A0}", ",", ";", "-", ":", "."].contains(scalars[pauseStart - 1]) {
            pauseStart -= 1
        }
        let gap = scalars[pauseStart..<digitStart].drop(while: isSpace)
        if let first = gap.first, first == "," || first == ";" {
            let isLong = first == ";" || gap.dropFirst().first == ","
            var rest = gap.dropFirst(first == ";" ? 1 : gap.prefix(while: { $0 == "," }).count)
            if let mark = rest.first, mark == ":" || mark == "." { rest = rest.dropFirst() }
            if rest.allSatisfy({ isSpace($0) || $0 == "," || $0 == "-" }), count <= (isLong ? 15 : 9),
                digitsBefore(pauseStart) >= 2
            {
                return (pauseStart..<digitStart, digitStart..<end)
            }
        }
        // ` 123#`: dashes or spaces, at most six digits, and the closing `#`.
        if closedByHash, count <= 6, labelEnd == gapStart, gapStart < digitStart,
            scalars[gapStart..<digitStart].allSatisfy({ $0 == " " || $0 == "-" }), digitsBefore(gapStart) >= 2
        {
            return (gapStart..<digitStart, digitStart..<end)
        }
        return nil
    }

    /// An extension label ending at `end`, where it starts and how many digits may follow it.
    static func label(endingAt end: Int, in scalars: [Unicode.Scalar]) -> (start: Int, limit: Int)? {
        guard end > 0 else { return nil }
        let last = scalars[end - 1]
        if ["#", "\u{FF03}", "~", "\u{FF5E}"].contains(last) { return (end - 1, 9) }
        var start = end
        while start > 0, isLetter(scalars[start - 1]) || scalars[start - 1] == "\u{0301}" { start -= 1 }
        guard start < end else { return nil }
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        // The word may be the end of a longer run of letters only for `x` and `int` read alone.
        if explicitLabels.contains(word) { return (start, 20) }
        if word == "int" || word == "\u{FF49}\u{FF4E}\u{FF54}" { return (start, 9) }
        if let lastScalar = word.unicodeScalars.last, lastScalar == "x" || lastScalar == "\u{FF58}" {
            return (end - 1, 9)
        }
        return nil
    }

    /// libphonenumber's explicit labels, lowercased: `e?xt(ensi(ó|o\u{301}?))?n?`, its
    /// full-width forms, доб and anexo.
    static let explicitLabels: Set<String> = {
        var labels: Set<String> = [
            "\u{FF58}\u{FF54}", "\u{FF45}\u{FF58}\u{FF54}", "\u{FF58}\u{FF54}\u{FF4E}",
            "\u{FF45}\u{FF58}\u{FF54}\u{FF4E}", "доб", "anexo",
        ]
        for e in ["", "e"] {
            for middle in ["", "ensio", "ensió", "ensio\u{301}"] {
                for n in ["", "n"] { labels.insert(e + "xt" + middle + n) }
            }
        }
        return labels
    }()
}
