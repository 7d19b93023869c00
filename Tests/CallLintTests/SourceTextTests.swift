import XCTest

@testable import CallLint
@testable import CallLintCommand

/// Lines and columns: what editors show, for every line ending, and cheap for any order of
/// positions asked on a long line.
final class SourceTextTests: XCTestCase {
    func testCarriageReturnsAloneEndLinesToo() {
        let source = SourceText(name: "t", text: "{\r  \"phoneNumber\": 1\r}\r")
        let offset = Array(source.bytes).firstIndex(of: UInt8(ascii: "1"))!
        XCTAssertEqual(source.location(of: offset), SourceLocation(line: 2, column: 18, offset: offset))
        XCTAssertEqual(source.text(source.lineRange(2)), "  \"phoneNumber\": 1")
        let mixed = SourceText(name: "t", text: "a\r\nb\rc\nd")
        XCTAssertEqual(mixed.location(of: 7).line, 4)
        XCTAssertEqual(mixed.location(of: 5).line, 3)
    }

    /// The search for a lone CR jumps from one CR to the next; it must find one after many
    /// CRLFs, one at the very end, and none where every CR has its LF.
    func testLoneCarriageReturnIsFoundWhereverItIs() {
        func hasLone(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { SourceText.hasLoneCarriageReturn($0) }
        }
        let crlfs = String(repeating: "ab\r\n", count: 100)
        XCTAssertFalse(hasLone(crlfs))
        XCTAssertFalse(hasLone(""))
        XCTAssertTrue(hasLone("\r"))
        XCTAssertTrue(hasLone(crlfs + "\r"))
        XCTAssertTrue(hasLone(crlfs + "\rx" + crlfs))
        XCTAssertTrue(hasLone("\r\r\n"))
        XCTAssertFalse(hasLone("x\r\n\r\n"))
    }

    func testColumnsOnALongLineAgreeWithCountingFromItsStart() {
        let line = (0..<5000).map { $0 % 7 == 0 ? "é" : $0 % 11 == 0 ? "😀" : "x" }.joined()
        let text = "first\n" + line + "\nlast"
        let source = SourceText(name: "t", text: text)
        let bytes = Array(text.utf8)
        var generator = SystemRandomNumberGenerator()
        // Far positions first, then earlier ones: the order notes point back in.
        let offsets = (0..<300).map { _ in Int.random(in: 6..<(6 + line.utf8.count), using: &generator) }
        for offset in offsets.sorted(by: >) + offsets {
            guard bytes[offset] & 0xC0 != 0x80 else { continue }
            let expected = 1 + bytes[6..<offset].filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(source.location(of: offset), SourceLocation(line: 2, column: expected, offset: offset))
        }
    }

    /// Columns are counted a word at a time: every offset of a line mixing one- to four-byte
    /// characters, asked in order as diagnostics ask, agrees with counting scalars one by one.
    func testEveryColumnOfAMixedLineAgreesWithCountingScalars() {
        let line = (0..<200).map { ["a", "é", "€", "😀", "bc", "\t"][($0 * 7 + $0 / 3) % 6] }.joined()
        let text = "x\n" + line + "\n"
        let source = SourceText(name: "t", text: text)
        let bytes = Array(text.utf8)
        for offset in 2..<bytes.count - 1 where bytes[offset] & 0xC0 != 0x80 {
            let expected = 1 + bytes[2..<offset].filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(source.location(of: offset), SourceLocation(line: 2, column: expected, offset: offset))
        }
    }

    /// The caret sits under the span as a terminal draws the line: CJK characters and emoji
    /// take two columns.
    func testCaretStaysUnderTheSpanAfterWideCharacters() {
        let result = CommandHarness.run(["--isolated", "-"], stdin: #"{"名前": "山田", "phoneNumber": "+1317555012"}"#)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try! XCTUnwrap(lines.firstIndex { $0.contains("e164-length") })
        // `{"名前": "山田", "phoneNumber": ` is 32 columns wide.
        XCTAssertEqual(lines[index + 3], "  | " + String(repeating: " ", count: 32) + "^~~~~~~~~~~~~")
    }

    /// An `--array` element nested past the limit is reported with the limit itself.
    func testArrayElementsReportTheNestingLimit() {
        let text = "[" + String(repeating: "[", count: 1200) + "]"
        let diagnostics = Linter().check(text, as: .array)
        XCTAssertTrue(diagnostics.first?.message.contains("deeper than 1000 levels") ?? false, "\(diagnostics)")
    }
}
