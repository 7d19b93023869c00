import Foundation
import XCTest

@testable import CallLint

/// `--diff` output is a patch that `patch` applies, and costs time and memory linear in the
/// text even when fixes sit at both ends of a long file.
final class UnifiedDiffTests: ScratchDirectoryTestCase {
    func applied(_ diff: String, to original: String) throws -> String {
        let file = try write("payload.json", original)
        let patchFile = try write("fix.patch", diff)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        process.arguments = ["--quiet", file.path, patchFile.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "patch refused the diff")
        return try String(contentsOf: file, encoding: .utf8)
    }

    func testChangesAtBothEndsOfALongTextMakeAPatchThatApplies() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/patch"), "needs patch(1)")
        let count = 40_000
        var lines = (0..<count).map { "  \"k\($0)\": \"+1 317 555 \(1000 + $0 % 9000)\"," }
        let original = lines.joined(separator: "\n") + "\n"
        for index in [0, 1, 7, count / 2, count - 2, count - 1] {
            lines[index] = "  \"fixed\(index)\": \"+13175550123\","
        }
        lines.insert("  \"added\": 1,", at: 100)
        lines.remove(at: count - 100)
        let fixed = lines.joined(separator: "\n") + "\n"
        let diff = UnifiedDiff.render(original: Array(original.utf8), fixed: Array(fixed.utf8), path: "payload.json")
        XCTAssertLessThan(diff.utf8.count, 10_000, "hunks stay small")
        XCTAssertEqual(try applied(diff, to: original), fixed)
    }

    func testSmallDiffsAreExact() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/patch"), "needs patch(1)")
        let original = "{\n  \"a\": 1,\n  \"b\": 2\n}"
        let fixed = "{\n  \"a\": 1,\n  \"c\": 3,\n  \"b\": 2\n}"
        let diff = UnifiedDiff.render(original: Array(original.utf8), fixed: Array(fixed.utf8), path: "p.json")
        XCTAssertEqual(
            diff.components(separatedBy: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }, ["+  \"c\": 3,"])
        XCTAssertEqual(try applied(diff, to: original), fixed)
    }
}
