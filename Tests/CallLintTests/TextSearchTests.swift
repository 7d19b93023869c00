import XCTest

@testable import CallLint

/// The byte-level text helpers answer exactly as the standard, character-level functions they
/// stand in for, on texts where bytes and characters part ways: combining marks after the
/// byte looked for, CR LF, letters whose lowercase is another script's, non-ASCII digits.
final class TextSearchTests: XCTestCase {
    static let texts: [String] = [
        "", "@", "a@b", "agent@example.com", "sip:agent@example.com", "SIP:agent@example.com", "Sip:",
        "sip:", "sip", "si", "tel:+13175550123", "TEL:+1", "tEl:x", "tel", "tel:\u{301}x", "sip:\u{301}",
        "@\u{301}", "a@\u{301}b", "a@\u{301}b@c", "\u{301}@", "é@x", "x\r\n@", "\r\n", "+13175550123",
        "s\u{301}ip:x", "\u{130}P:x", "SİP:x", "\u{212A}el:", "ſip:x", "%40", "a%40b", "a%40b%40c", "%4",
        "%40\u{301}", "é%40", "x%40\r\n", "%%400", "agent%40example.com", "日本@例え.jp", "sip:日本",
        "s", "S", "sipx", "sip:\r\n", "\u{FEFF}sip:a@b", "a b", "a \u{301}b", "agent @example.com", " ",
    ]

    func testContainsASCIIAnswersAsContainsByCharacters() {
        for text in Self.texts {
            for character in ["@", "%", ":", " "] as [Unicode.Scalar] {
                XCTAssertEqual(
                    text.containsASCII(character), text.contains(Character(character)),
                    "\(text.debugDescription) contains \(character)")
            }
        }
    }

    func testLowercasedHasPrefixAnswersAsLowercasingFirst() {
        for text in Self.texts {
            for prefix in ["sip:", "tel:", "s"] as [StaticString] {
                XCTAssertEqual(
                    text.lowercasedHasPrefix(prefix), text.lowercased().hasPrefix(prefix.description),
                    "\(text.debugDescription) starts with \(prefix)")
            }
        }
    }

    func testReplacingASCIIAnswersAsReplacingByCharacters() {
        for text in Self.texts {
            XCTAssertEqual(
                text.replacingASCII("%40", with: "@"), text.replacing("%40", with: "@"), text.debugDescription)
        }
    }

    func testVanityLettersReadAsKeypadDigitsInEitherCase() {
        let upper = PhoneNumberText("+1-800-FLOWERS")
        let lower = PhoneNumberText("+1-800-flowers")
        XCTAssertEqual(upper.digits, [1, 8, 0, 0, 3, 5, 6, 9, 3, 7, 7])
        XCTAssertEqual(lower.digits, upper.digits)
        XCTAssertEqual(upper.letters, "FLOWERS")
        XCTAssertEqual(upper.separators, ["-"])
        let mixed = PhoneNumberText("+44 (0) 20-7946.0958 / 1")
        XCTAssertEqual(mixed.separators, [" ", "-", ".", "/"])
        XCTAssertEqual(mixed.trunkZeroInParentheses, 2)
        XCTAssertEqual(PhoneNumberText("+1 555\u{2013}0100\u{2212}1").separators, [" ", "\u{2013}", "\u{2212}"])
    }
}
