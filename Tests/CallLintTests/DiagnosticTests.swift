import XCTest

@testable import CallLint

/// A diagnostic's text is shared by its copies; equality is still by value.
final class DiagnosticTests: XCTestCase {
    func diagnostic(message: String = "m", help: String? = "h", severity: Severity = .error) -> Diagnostic {
        Diagnostic(
            ruleID: "unknown-key", severity: severity, message: message, range: 1..<4, pointer: "/to", help: help,
            fix: Fix(title: "t", edits: [TextEdit(range: 1..<4, replacement: "x")], applicability: .safe),
            related: [Diagnostic.Related(range: 0..<1, message: "r")])
    }

    func testDiagnosticsBuiltApartWithTheSameFieldsAreEqual() {
        XCTAssertEqual(diagnostic(), diagnostic())
    }

    func testAnyFieldThatDiffersMakesThemDifferent() {
        XCTAssertNotEqual(diagnostic(), diagnostic(message: "n"))
        XCTAssertNotEqual(diagnostic(), diagnostic(help: nil))
        XCTAssertNotEqual(diagnostic(), diagnostic(severity: .warning))
    }

    func testChangingACopysSeverityLeavesTheOriginal() {
        let original = diagnostic()
        var copy = original
        copy.severity = .info
        XCTAssertEqual(original.severity, .error)
        XCTAssertEqual(copy.severity, .info)
        XCTAssertNotEqual(original, copy)
        XCTAssertEqual(copy.message, original.message)
    }
}
