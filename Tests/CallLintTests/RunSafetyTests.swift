import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

#if canImport(Glibc)
    import Glibc
#endif

/// Two runs fixing one file, a run killed while fixing, a configuration that cannot be read, a
/// working directory without a path, `.gitignore` as git reads it: each ends as promised.
final class RunSafetyTests: ScratchDirectoryTestCase {
    static let fixable = #"{"phoneNumber": "+1 317 555 0123"}"# + "\n"
    static let fixed = #"{"phoneNumber": "+13175550123"}"# + "\n"

    func shell(_ script: String) throws -> CommandResult { try CommandHarness.runShell(script, in: scratch) }

    /// The second of two runs on one file waits for the first's lock, then reads what the
    /// first wrote: no fix is lost.
    func testASecondFixOfTheSameFileWaitsAndReadsTheFirstOnesResult() throws {
        let file = try write("payload.json", Self.fixable)
        let first = try FixTarget.open(file.path, limit: 1 << 20).get()
        nonisolated(unsafe) var second: FixTarget?
        let opened = DispatchSemaphore(value: 0)
        Thread {
            second = try? FixTarget.open(file.path, limit: 1 << 20).get()
            opened.signal()
        }.start()
        XCTAssertEqual(opened.wait(timeout: .now() + 0.3), .timedOut, "the second run did not wait for the lock")
        let edited = #"{"phoneNumber": "+13175550123", "callerId": "+1 317 555 0100"}"# + "\n"
        XCTAssertNoThrow(try first.write(Array(edited.utf8)).get())
        _ = consume first
        XCTAssertEqual(opened.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(second.map { String(decoding: $0.bytes, as: UTF8.self) }, edited, "it read the old file")
    }

    func testOneFileNamedTwiceIsOneInput() throws {
        try write("a.json", Self.fixable)
        let fix = try CommandHarness.runProcess(["--isolated", "--fix", ".", "a.json", "./a.json"], directory: scratch)
        XCTAssertEqual(fix.status, 0, fix.errors)
        XCTAssertEqual(fix.errors.components(separatedBy: "Fixed ").count - 1, 1, fix.errors)
        XCTAssertEqual(try contents(of: scratch.appendingPathComponent("a.json")), Self.fixed)
        try write("b.json", Self.fixable)
        let check = try CommandHarness.runProcess(
            ["--isolated", "--format", "json", ".", "b.json", "./b.json"], directory: scratch)
        let items = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1, check.output)
    }

    /// A run killed with SIGKILL cannot clean up after itself: the next one removes what it
    /// left, and only that (a live process's file stays).
    func testTemporaryFilesOfDeadRunsAreRemovedByTheNextFix() throws {
        try write("payload.json", Self.fixable)
        let dead = try write(".call-lint-2147483000-1.tmp", String(repeating: "x", count: 4096))
        let live = try write(".call-lint-\(getpid())-1.tmp", "in use\n")
        let other = try write(".call-lint-notes.tmp", "not ours\n")
        let result = try CommandHarness.runProcess(["--isolated", "--fix", "payload.json"], directory: scratch)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path), "the dead run's file is left")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.path))
    }

    /// Where the system allows, the new file has no name while it is written: SIGKILL then
    /// leaves nothing.
    func testANewFileHasNoNameUntilItIsCommitted() throws {
        let folder = open(scratch.path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        let file = try ReplacementFile.create(in: folder).get()
        XCTAssertNoThrow(try file.write(Array("new\n".utf8)).get())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), before)
        XCTAssertNoThrow(try file.commit(as: FileName.systemBytes("done.json")).get())
        XCTAssertEqual(try contents(of: scratch.appendingPathComponent("done.json")), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted(), ["done.json"])
    }

    /// A `.call-lint.json` that is there but cannot be read may hold the allowed caller ids:
    /// the run stops rather than check without it.
    func testAConfigurationThatCannotBeReadIsAnError() throws {
        try write("p/payload.json", #"{"phoneNumber": "+13175550123"}"#)
        let cases: [(String, () throws -> Void)] = [
            (
                "a dangling link",
                {
                    try FileManager.default.createSymbolicLink(
                        atPath: self.scratch.appendingPathComponent("p/.call-lint.json").path,
                        withDestinationPath: "gone")
                }
            ),
            (
                "a folder",
                {
                    try FileManager.default.createDirectory(
                        at: self.scratch.appendingPathComponent("p/.call-lint.json"), withIntermediateDirectories: true)
                }
            ),
        ]
        for (name, make) in cases {
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("p/.call-lint.json"))
            try make()
            let result = try CommandHarness.runProcess(["payload.json"], directory: scratch.appendingPathComponent("p"))
            XCTAssertEqual(result.status, 2, "\(name): \(result.output)")
            XCTAssertTrue(result.errors.contains(".call-lint.json"), "\(name): \(result.errors)")
        }
    }

    func testAWorkingDirectoryWithoutAPathEndsWithAMessage() throws {
        try write("payload.json", #"{"phoneNumber": "+13175550123"}"#)
        let payload = scratch.appendingPathComponent("payload.json").path
        let start = Date()
        let result = try shell("mkdir gone && cd gone && rmdir ../gone && exec timeout 10 \"$B\" \(payload)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.contains("the working directory has no path"), result.errors)
        let isolated = try shell("mkdir gone && cd gone && rmdir ../gone && exec \"$B\" --isolated \(payload)")
        XCTAssertEqual(isolated.status, 0, isolated.errors)
    }

    /// What the walk takes, against what git itself leaves untracked and unignored, for rules
    /// of every kind `.gitignore` files hold, written with CR LF and a byte-order mark.
    func testGitIgnoreAsGitReadsIt() throws {
        let rules = [
            "# comment", "\\#hash.json", "*.gen.json", "build*", "/anchored.json", "deep/**/x.json", "**/logs",
            "folder/", "!folder/keep.json", "report-[0-9].json", "r[!a-c]d.json", "space\\ .json", "trail.json   ",
            "inside/**", "!inside/back.json", "*.tmp.json", "!important.tmp.json", "[[:upper:]]*.json", "lit?.json",
            "a/b/c.json", "x\\*y.json",
        ]
        let text = "\u{FEFF}" + rules.joined(separator: "\r\n") + "\r\n"
        try write("tree/.gitignore", text)
        let files = [
            "#hash.json", "a.gen.json", "buildx.json", "anchored.json", "sub/anchored.json", "deep/x.json",
            "deep/1/2/x.json", "app/logs/l.json", "folder/f.json", "folder/keep.json", "report-3.json",
            "report-x.json", "rzd.json", "rbd.json", "space .json", "trail.json", "inside/in.json",
            "inside/back.json", "inside.json", "a.tmp.json", "important.tmp.json", "Upper.json", "lit1.json",
            "litxx.json", "a/b/c.json", "q/a/b/c.json", "x*y.json", "xzy.json", "plain.json", "sub/plain.json",
        ]
        for file in files { try write("tree/" + file, #"{"phoneNumber": "1"}"#) }
        let git = try CommandHarness.runProcess(
            ["-c", "git init -q . && git ls-files --others --exclude-standard -z"],
            directory: scratch.appendingPathComponent("tree"), executable: "/bin/sh")
        let expected = Set(git.output.split(separator: "\0").map(String.init).filter { $0.hasSuffix(".json") })
        XCTAssertFalse(expected.isEmpty, git.errors)
        let lint = try CommandHarness.runProcess(
            ["--isolated", "--format", "json", "."], directory: scratch.appendingPathComponent("tree"))
        let items = try JSONSerialization.jsonObject(with: Data(lint.output.utf8)) as! [[String: Any]]
        let walked = Set(items.compactMap { ($0["file"] as? String).map { String($0.dropFirst(2)) } })
        XCTAssertEqual(
            walked, expected,
            "only git: \(expected.subtracting(walked)), only call-lint: "
                + "\(walked.subtracting(expected))")
    }

    /// Every branch of a long `#if` chain is checked, and a chain too long for the budget is
    /// named in a note rather than passed over in silence.
    func testEveryBranchOfALongTemplateChainIsCheckedOrNamed() throws {
        var lines = ["{", "#if($kind == 0)", #""phoneNumber": "+13175550100""#]
        for branch in 1..<20 {
            lines.append("#elseif($kind == \(branch))")
            lines.append(branch == 15 ? #""phoneNumber": "+1317555012""# : #""phoneNumber": "+13175550100""#)
        }
        lines += ["#else", #""to": "+13175550123""#, "#end", "}"]
        let linter = Linter(settings: LintSettings())
        let found = linter.check(SourceText(name: "t.json", text: lines.joined(separator: "\n")), as: .document)
        XCTAssertEqual(found.map(\.ruleID).sorted(), ["e164-length", "unknown-key"], "\(found.map(\.message))")
        var long = ["{", "#if($kind == 0)", #""phoneNumber": "+13175550100""#]
        for branch in 1..<60_000 { long += ["#elseif($kind == \(branch))", #""phoneNumber": "+13175550100""#] }
        long += ["#end", "}"]
        let notes = linter.check(SourceText(name: "t.json", text: long.joined(separator: "\n")), as: .document)
            .filter { $0.ruleID == "embedded-body" }
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes.first?.message.contains("of this block were not checked") ?? false, "\(notes)")
    }

    /// Trojan Source: bidirectional controls in an excerpt are shown escaped, and the caret
    /// still stands under the value.
    func testBidirectionalControlsInExcerptsAreEscapedAndTheCaretAligned() throws {
        let text = "{\"callerIdName\": \"A\u{202E}\u{2066}B\", \"phoneNumber\": \"+13175550123\", \"to\": 1}"
        let source = SourceText(name: "b.json", text: text)
        let linter = Linter(settings: LintSettings())
        let output = TextFormatter(options: OutputOptions(color: false)).format(
            [FileReport(displayName: "b.json", source: source, diagnostics: linter.check(source, as: .document))])
        XCTAssertFalse(output.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }, output)
        XCTAssertFalse(output.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) }, output)
        XCTAssertTrue(output.contains("A\\u{202E}\\u{2066}B"), output)
        let lines = output.components(separatedBy: "\n")
        let finding = try XCTUnwrap(lines.firstIndex { $0.contains(#"unknown key "to""#) }, output)
        let shown = lines[finding + 2]
        let marker = lines[finding + 3]
        let key = try XCTUnwrap(shown.range(of: #""to""#))
        let caret = try XCTUnwrap(marker.firstIndex(of: "^"))
        XCTAssertEqual(
            shown.distance(from: shown.startIndex, to: key.lowerBound),
            marker.distance(from: marker.startIndex, to: caret), output)
    }

    func testDiffHeadersShowNamesEscaped() {
        let diff = UnifiedDiff.render(
            original: Array(Self.fixable.utf8), fixed: Array(Self.fixed.utf8),
            path: "a\n+++ b\n@@ -1 +1 @@\u{1B}]0;x\u{7}")
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.filter { $0.hasPrefix("+++") }.count, 1, diff)
        XCTAssertEqual(lines.filter { $0.hasPrefix("@@") }.count, 1, diff)
        XCTAssertFalse(diff.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, diff)
    }

    func testMessagesNameAnInvisibleCharacterByItsCodePointOnce() throws {
        let linter = Linter(settings: LintSettings())
        let messages = ["{\"phoneNumber\": \"+1317\u{202E}5550123\"}", "{\"phoneNumber\": \u{2066}\"+13175550123\"}"]
            .flatMap { linter.check(SourceText(name: "m.json", text: $0), as: .document).map(\.message) }
        for message in messages {
            XCTAssertLessThanOrEqual(message.components(separatedBy: "U+20").count - 1, 1, message)
        }
        XCTAssertTrue(messages.contains { $0.contains("RIGHT-TO-LEFT OVERRIDE (U+202E)") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("U+2066") }, "\(messages)")
    }
}
