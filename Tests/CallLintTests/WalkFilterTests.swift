import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

/// In a real repository a folder walk checks the call payloads: not dependencies, build
/// output, virtual environments or what .gitignore ignores, and, with `include`, only payloads.
final class WalkFilterTests: ScratchDirectoryTestCase {
    static let bad = #"{"phoneNumber": "+1317555012"}"#
    static let ordinary = #"{"name": "app", "version": "1.0.0"}"#

    func makeRepository() throws {
        try write("package.json", Self.ordinary)
        try write("tsconfig.json", #"{"compilerOptions": {"strict": true}}"#)
        try write(".vscode/settings.json", #"{"editor.tabSize": 2}"#)
        try write("node_modules/left-pad/package.json", Self.bad)
        try write("build/out.json", Self.bad)
        try write("tools/python/pyvenv.cfg", "home = /usr/bin\n")
        try write("tools/python/lib/data.json", Self.bad)
        try write(".gitignore", "# generated payloads\ngenerated/\n*.local.json\n/top-only.json\n!keep.local.json\n")
        try write("generated/a.json", Self.bad)
        try write("payloads/secret.local.json", Self.bad)
        try write("payloads/keep.local.json", Self.bad)
        try write("payloads/top-only.json", Self.bad)
        try write("top-only.json", Self.bad)
        try write("payloads/bad.json", Self.bad)
        try write("payloads/good.json", #"{"phoneNumber": "+13175550123"}"#)
        try write("templates/dial.call.json", Self.bad)
    }

    func checkedFiles(_ result: CommandResult) throws -> Set<String> {
        let diagnostics = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
        return Set(diagnostics.map { ($0["file"] as! String).replacingOccurrences(of: scratch.path + "/", with: "") })
    }

    func testWalksSkipDependenciesBuildOutputAndIgnoredFiles() throws {
        try makeRepository()
        let result = CommandHarness.run(["--isolated", "--format", "json", scratch.path])
        let reported = try checkedFiles(result)
        // package.json and tsconfig.json hold no phone number: only what is a payload draws a finding.
        XCTAssertEqual(
            reported,
            Set(["payloads/bad.json", "payloads/keep.local.json", "payloads/top-only.json", "templates/dial.call.json"])
                .union(reported.filter { $0 == "package.json" || $0 == "tsconfig.json" }))
        // Named on the command line, an ignored file is checked all the same.
        let named = CommandHarness.run(["--isolated", scratch.appendingPathComponent("generated/a.json").path])
        XCTAssertEqual(named.status, 1)
    }

    /// Inputs come in byte order of their paths, whatever the locale (`a.json` before `a/`,
    /// upper case before lower, ASCII before other letters), and a file found twice is checked once.
    func testInputsComeInByteOrderAndEachFileOnce() throws {
        for name in ["b.json", "a/x.json", "a.json", "B.json", "é.json", "a/A.json", "ab.json"] {
            try write("walk/" + name, Self.bad)
        }
        let folder = scratch.appendingPathComponent("walk").path
        let inputs = InputCollector.collect([folder, folder + "/b.json", folder], stdinName: "-")
        XCTAssertEqual(
            inputs.map { String($0.name.dropFirst(folder.count + 1)) },
            ["B.json", "a.json", "a/A.json", "a/x.json", "ab.json", "b.json", "é.json"])
    }

    func testIncludeAndExcludeChoosePayloads() throws {
        try makeRepository()
        try write(".call-lint.json", #"{"include": ["payloads/**", "**/*.call.json"], "exclude": ["payloads/keep.*"]}"#)
        let result = CommandHarness.run(["--format", "json", "."], directory: scratch)
        XCTAssertEqual(
            try checkedFiles(result),
            Set(["./payloads/bad.json", "./payloads/top-only.json", "./templates/dial.call.json"]))
    }
}
