import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

#if canImport(Glibc)
    import Glibc
#endif

/// What call-lint reads: folder walks stay inside the tree, inputs are bounded, and a
/// configuration someone else left in a shared folder is not obeyed.
final class ReadSafetyTests: ScratchDirectoryTestCase {
    func testFolderWalksDoNotFollowLinks() throws {
        let secret = try write("outside/env.json", #"{"phoneNumber": "SECRET-TOKEN-123"}"#)
        try write("payloads/own.json", #"{"phoneNumber": "+13175550123"}"#)
        let payloads = scratch.appendingPathComponent("payloads")
        try FileManager.default.createSymbolicLink(
            at: payloads.appendingPathComponent("env.json"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(
            at: payloads.appendingPathComponent("elsewhere"), withDestinationURL: secret.deletingLastPathComponent())
        // A link to a file inside the walked folder is followed.
        try write("payloads/inner/real.json", #"{"phoneNumber": "INNER"}"#)
        try FileManager.default.createSymbolicLink(
            at: payloads.appendingPathComponent("alias.json"),
            withDestinationURL: payloads.appendingPathComponent("inner/real.json"))
        let walked = CommandHarness.run(["--isolated", "--format", "json", "--statistics", payloads.path])
        XCTAssertFalse(walked.output.contains("SECRET"), walked.output)
        XCTAssertTrue(walked.output.contains("payloads/alias.json"), walked.output)
        // Named on the command line, a link is followed.
        let named = CommandHarness.run([
            "--isolated", "--format", "json", payloads.appendingPathComponent("env.json").path,
        ])
        XCTAssertTrue(named.output.contains("e164"), named.output)
    }

    func testInputsAreBounded() throws {
        let file = try write("big.json", String(repeating: " ", count: 100) + "{}")
        let descriptor = open(file.path, O_RDONLY)
        defer { close(descriptor) }
        guard case .failure(let failure) = FileSystem.readAll(descriptor: descriptor, sizeHint: -1, limit: 50) else {
            return XCTFail("read past the limit")
        }
        XCTAssertTrue(failure.message.contains("larger than"), failure.message)
        // A stream with no size to go by stops at the limit too.
        var stream = TrickleBytes(bytes: [UInt8](repeating: 0x20, count: 1000), step: 7)
        guard case .failure = stream.readAll(limit: 100) else { return XCTFail("read a stream past the limit") }
        XCTAssertLessThan(1000 - stream.bytes.count, 120, "read far past the limit")
    }

    func testAnotherUsersConfigurationIsIgnoredWithAWarning() throws {
        try XCTSkipUnless(geteuid() == 0, "needs root to give a file to another user")
        let folder = scratch.appendingPathComponent("shared")
        let configuration = try write("shared/.call-lint.json", #"{"disable": ["e164-length"]}"#)
        XCTAssertEqual(chown(configuration.path, 4321, 4321), 0)
        let body = #"{"phoneNumber": "+1317555012"}"#
        let result = CommandHarness.run(["-"], stdin: body, directory: folder)
        XCTAssertTrue(result.errors.contains("ignoring \(configuration.path)"), result.errors)
        XCTAssertEqual(result.status, 1, "the rule the other user's file turned off still runs")
        let shown = CommandHarness.run(["--show-config"], directory: folder)
        XCTAssertEqual(shown.output, "configuration: none (defaults)\n")
        // Named explicitly, it is used.
        let named = CommandHarness.run(["--config", configuration.path, "-"], stdin: body, directory: folder)
        XCTAssertEqual(named.status, 0, named.output)
    }

    func testConfigurationFromTheEnvironmentAndShowConfig() throws {
        let configuration = try write("env-config.json", #"{"disable": ["e164-length"]}"#)
        let body = #"{"phoneNumber": "+1317555012"}"#
        let environment = ["CALL_LINT_CONFIG": configuration.path]
        XCTAssertEqual(CommandHarness.run(["-"], stdin: body, environment: environment, directory: scratch).status, 0)
        let shown = CommandHarness.run(["--show-config"], environment: environment, directory: scratch)
        XCTAssertEqual(shown.output, "configuration: \(configuration.path)\n")
    }

    /// A file name that is not UTF-8 is checked, named or found in a folder, fixed in place,
    /// and printed escaped.
    func testFileNamesThatAreNotUTF8() throws {
        let folder = scratch.appendingPathComponent("latin1")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rawName = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".json".utf8)
        let descriptor = open(rawName.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        let body = Array(#"{"phoneNumber": "+1 317 555 0123"}"#.utf8)
        FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).write(Data(body))
        let name = FileName.decode(rawName)

        let named = CommandHarness.run(["--isolated", name])
        XCTAssertEqual(named.status, 0, named.errors)
        XCTAssertTrue(named.output.contains("caf\\x{E9}.json:1:17: warning:"), named.output)
        let walked = CommandHarness.run(["--isolated", "--format", "json", folder.path])
        XCTAssertTrue(walked.output.contains(#"caf\\x{E9}.json"#), walked.output)
        let fixed = CommandHarness.run(["--isolated", "--fix", name])
        XCTAssertEqual(fixed.status, 0, fixed.errors)
        let reopened = open(rawName.map { CChar(bitPattern: $0) } + [0], O_RDONLY)
        defer { close(reopened) }
        var buffer = [UInt8](repeating: 0, count: 100)
        let count = read(reopened, &buffer, 100)
        XCTAssertEqual(
            String(decoding: buffer.prefix(max(0, count)), as: UTF8.self), #"{"phoneNumber": "+13175550123"}"#)
    }
}
