import XCTest

@testable import CallLint

/// `placeholders` patterns and `ignore` globs from a configuration cost time linear in what
/// they are matched against, and match what the usual syntax says they match.
final class LinearPatternTests: XCTestCase {
    func testAgreesWithTheStandardLibrarysRegexOnTheSupportedSyntax() throws {
        let patterns = [
            "__[A-Z_]+__", "^__[A-Z_]+__$", "\\{\\{\\s*\\w+\\s*\\}\\}", "^<[a-z]+>$", "a|bc|", "(ab)+c?", "x{2,3}y",
            "[^0-9]", "^\\+\\d{3,}$", "(?:foo|bar)baz", "a.c", "colou?r", "[a\\-z]", "\\$\\{[^}]*\\}", "^$", "é+",
        ]
        let texts = [
            "", "__PHONE__", "x__PHONE__x", "{{ to }}", "<phone>", "abababc", "xxxy", "xy", "12345", "+13175550123",
            "foobaz", "barbaz", "abc", "a\nc", "color", "colour", "-", "${input.phone}", "ééé", "bc",
        ]
        for pattern in patterns {
            let ours = try LinearPattern(pattern)
            let theirs = try Regex(pattern)
            for text in texts {
                XCTAssertEqual(ours.matches(in: text), text.contains(theirs), "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    func testBacktrackingPatternsCostLinearTime() throws {
        let pattern = try LinearPattern("^(a+)+$")
        let text = String(repeating: "a", count: 20_000) + "b"
        let clock = ContinuousClock()
        let elapsed = clock.measure { XCTAssertFalse(pattern.matches(in: text)) }
        // A backtracking engine takes years here; this is a generous bound for a slow machine.
        XCTAssertLessThan(elapsed, .seconds(5))
        XCTAssertTrue(try LinearPattern("^(a|aa)*$").matches(in: String(repeating: "a", count: 5000)))
    }

    func testFeaturesThatNeedBacktrackingAreRefusedWithAReason() {
        for (pattern, reason) in [
            ("(a)\\1", "backreferences"), ("a(?=b)", "lookaround"), ("a++", "possessive"), ("(", "missing"),
        ] {
            XCTAssertThrowsError(try LinearPattern(pattern), pattern) { error in
                XCTAssertTrue((error as? LinearPattern.SyntaxError)?.message.contains(reason) ?? false, "\(error)")
            }
        }
        XCTAssertThrowsError(try Configuration.parse(Array(#"{"placeholders": ["(a)\\1"]}"#.utf8)))
    }

    func testGlobsWithManyDoubleStarsAreLinear() {
        let glob = GlobPattern(Array(repeating: "**", count: 12).joined(separator: "/") + "/x/**/y.json")
        let path = Array(repeating: "a", count: 40).joined(separator: "/") + "/z.json"
        XCTAssertFalse(glob.matches(path))
        XCTAssertTrue(glob.matches("a/b/x/c/d/y.json"))
        XCTAssertTrue(GlobPattern("templates/**/*.json").matches("templates/a/b/c.json"))
        XCTAssertTrue(GlobPattern("templates/**/*.json").matches("templates/c.json"))
        XCTAssertFalse(GlobPattern("templates/*.json").matches("templates/a/c.json"))
    }
}
