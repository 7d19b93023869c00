/// What is wrong with a would-be E.164 number, and what it would be when written right.
/// E.164 (ITU-T): `+`, a country code that does not start with 0, at most 15 digits in all.
struct PhoneNumberAnalysis {
    let text: String
    var hasPlus = false
    var digits = ""
    var separators: [Character] = []
    var letters = ""
    var others: [Character] = []
    var hasTrunkZeroInParentheses = false

    init(_ text: String) {
        self.text = text
        var body = Substring(text)
        if body.utf8.first == UInt8(ascii: "+") {
            hasPlus = true
            body = body.dropFirst()
        }
        // Fast path: digits only, the shape of nearly every number.
        if body.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            digits = String(body)
            return
        }
        hasTrunkZeroInParentheses = body.containsBytes("(0)")
        let withoutTrunk = hasTrunkZeroInParentheses ? String(body).replacing("(0)", with: "") : String(body)
        for scalar in withoutTrunk.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
            case " ", "-", ".", "(", ")", "/":
                let character = Character(scalar)
                if !separators.contains(character) { separators.append(character) }
            case "a"..."z", "A"..."Z":
                letters.unicodeScalars.append(scalar)
            default:
                let character = Character(scalar)
                if !others.contains(character) { others.append(character) }
            }
        }
    }

    var startsWithInternationalPrefix: Bool { !hasPlus && digits.hasPrefix("00") && separatorsAndDigitsOnly }
    var separatorsAndDigitsOnly: Bool { letters.isEmpty && others.isEmpty }
    var isWellFormed: Bool {
        hasPlus && separators.isEmpty && separatorsAndDigitsOnly && !hasTrunkZeroInParentheses
            && (8...15).contains(digits.count) && !digits.hasPrefix("0")
    }

    /// Only the `+` is missing (the digits may carry separators too).
    var isMissingPlusOnly: Bool {
        !hasPlus && !digits.isEmpty && separatorsAndDigitsOnly && !digits.hasPrefix("00")
    }

    /// National format: a trunk 0 instead of a country code.
    var looksNational: Bool { !hasPlus && digits.hasPrefix("0") && !digits.hasPrefix("00") }

    /// Letters mapped to keypad digits (ITU E.161), for vanity numbers like 1-800-FLOWERS.
    static func keypadDigit(_ letter: Character) -> Character? {
        let groups = ["abc": "2", "def": "3", "ghi": "4", "jkl": "5", "mno": "6", "pqrs": "7", "tuv": "8", "wxyz": "9"]
        let lower = Character(letter.lowercased())
        return groups.first { $0.key.contains(lower) }.map { Character($0.value) }
    }

    /// The E.164 spelling, when the text leaves no doubt about it.
    var e164: String? {
        guard others.isEmpty else { return nil }
        var all = ""
        for character in text.drop(while: { $0 == "+" }).replacing("(0)", with: "") {
            if character.isASCII, character.isNumber {
                all.append(character)
            } else if character.isASCII, character.isLetter, let digit = Self.keypadDigit(character) {
                all.append(digit)
            }
        }
        if !hasPlus {
            guard all.hasPrefix("00") else { return nil }
            all.removeFirst(2)
        }
        guard (8...15).contains(all.count), !all.hasPrefix("0") else { return nil }
        return "+" + all
    }

    /// The problems a person needs to hear about, in words.
    var problems: [String] {
        var problems: [String] = []
        if startsWithInternationalPrefix {
            problems.append("starts with 00, a dialling prefix: E.164 writes `+` instead")
        } else if !hasPlus {
            problems.append("has no leading `+`")
        }
        if hasTrunkZeroInParentheses {
            problems.append("has a national trunk prefix `(0)`, which is not dialled after the country code")
        }
        if !separators.isEmpty {
            let names = separators.map { Self.separatorName($0) }
            problems.append("contains \(Self.list(names)); E.164 is digits only")
        }
        if !letters.isEmpty { problems.append("contains letters (\(letters))") }
        if !others.isEmpty { problems.append("contains \(Self.list(others.map { "`\($0)`" }))") }
        let countedDigits = startsWithInternationalPrefix ? digits.count - 2 : digits.count
        if letters.isEmpty, others.isEmpty {
            if countedDigits < 8 && countedDigits > 0 {
                problems.append("has \(countedDigits) digit\(countedDigits == 1 ? "" : "s"); a full number with its country code has 8 to 15")
            } else if countedDigits > 15 {
                problems.append("has \(countedDigits) digits; E.164 allows at most 15")
            } else if countedDigits == 0 {
                problems.append("has no digits")
            }
        }
        if hasPlus, digits.hasPrefix("0") {
            problems.append("its country code starts with 0, and no country code does")
        }
        return problems
    }

    static func separatorName(_ character: Character) -> String {
        switch character {
        case " ": return "spaces"
        case "-": return "dashes"
        case ".": return "dots"
        case "(", ")": return "parentheses"
        case "/": return "slashes"
        default: return "`\(character)`"
        }
    }

    static func list(_ items: [String]) -> String {
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        if unique.count <= 1 { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " and " + unique.last!
    }
}
