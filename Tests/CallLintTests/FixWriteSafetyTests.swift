import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

#if canImport(Glibc)
    import Glibc
#endif

/// `--fix` writes the very file it read, unchanged since, with its owner, group, mode and
/// extended attributes, never through a link, never splitting hard links, never a file the
/// user may not write; or it writes nothing and says why.
final class FixWriteSafetyTests: ScratchDirectoryTestCase {
    static let fixable = #"{"phoneNumber": "+1 317 555 0123"}"# + "\n"
    static let fixed = #"{"phoneNumber": "+13175550123"}"# + "\n"

    func status(_ url: URL) -> stat {
        var info = stat()
        XCTAssertEqual(lstat(url.path, &info), 0)
        return info
    }

    func testWriteGoesToTheFileReadWhenItsFolderIsSwappedForALink() throws {
        let original = try write("a/payload.json", Self.fixable)
        let elsewhere = try write("b/payload.json", "root-only text\n")
        let target = try FixTarget.open(original.path, limit: 1 << 20).get()
        // Between the read and the write, the folder is moved away and a link to another put
        // in its place: the write must not follow the path to the other folder.
        try FileManager.default.moveItem(
            at: scratch.appendingPathComponent("a"), to: scratch.appendingPathComponent("moved"))
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("a"), withDestinationURL: scratch.appendingPathComponent("b"))
        XCTAssertNoThrow(try target.write(Array(Self.fixed.utf8)).get())
        XCTAssertEqual(try contents(of: elsewhere), "root-only text\n")
        XCTAssertEqual(try contents(of: scratch.appendingPathComponent("moved/payload.json")), Self.fixed)
    }

    func testAFileEditedDuringTheRunIsNotOverwritten() throws {
        let file = try write("payload.json", Self.fixable)
        let target = try FixTarget.open(file.path, limit: 1 << 20).get()
        let edit = #"{"phoneNumber": "+13175550199", "callerId": "+13175550100"}"# + "\n"
        try edit.write(to: file, atomically: false, encoding: .utf8)
        guard case .failure(let failure) = target.write(Array(Self.fixed.utf8)) else {
            return XCTFail("overwrote an edit")
        }
        XCTAssertTrue(failure.message.contains("changed"), failure.message)
        XCTAssertEqual(try contents(of: file), edit)
    }

    func testOwnerGroupModeAndExtendedAttributesAreKept() throws {
        let file = try write("payload.json", Self.fixable)
        let root = geteuid() == 0
        if root { XCTAssertEqual(chown(file.path, 4321, 4321), 0) }
        XCTAssertEqual(chmod(file.path, root ? 0o4764 : 0o664), 0)
        let calls = try XCTUnwrap(ExtendedAttributeCalls.shared)
        let descriptor = open(file.path, O_RDONLY)
        let value = Array("kept".utf8)
        let hasAttributes = calls.set(descriptor, "user.call-lint-test", value, value.count, 0) == 0
        close(descriptor)
        let before = status(file)

        let result = CommandHarness.run(["--isolated", "--fix", file.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try contents(of: file), Self.fixed)
        let after = status(file)
        XCTAssertNotEqual(after.st_ino, before.st_ino, "written as a new file, renamed over the old")
        XCTAssertEqual(after.st_uid, before.st_uid)
        XCTAssertEqual(after.st_gid, before.st_gid)
        XCTAssertEqual(after.st_mode & 0o7777, before.st_mode & 0o7777)
        if hasAttributes {
            let reopened = open(file.path, O_RDONLY)
            defer { close(reopened) }
            var buffer = [UInt8](repeating: 0, count: 16)
            let length = calls.get(reopened, "user.call-lint-test", &buffer, buffer.count)
            XCTAssertEqual(Array(buffer.prefix(max(0, length))), value, "extended attribute lost")
        }
    }

    func testFilesItMustNotRewriteAreLeftAloneWithAReason() throws {
        let linked = try write("linked.json", Self.fixable)
        XCTAssertEqual(link(linked.path, scratch.appendingPathComponent("second-name.json").path), 0)
        let readOnly = try write("read-only.json", Self.fixable)
        XCTAssertEqual(chmod(readOnly.path, 0o444), 0)
        let real = try write("real.json", Self.fixable)
        let symbolic = scratch.appendingPathComponent("symbolic.json")
        try FileManager.default.createSymbolicLink(at: symbolic, withDestinationURL: real)

        for (file, reason) in [(linked, "hard links"), (readOnly, "read-only"), (symbolic, "symbolic link")] {
            let result = CommandHarness.run(["--isolated", "--fix", file.path])
            XCTAssertEqual(result.status, 2, file.lastPathComponent)
            XCTAssertTrue(result.errors.contains("not fixing") && result.errors.contains(reason), result.errors)
            XCTAssertEqual(try contents(of: file), Self.fixable)
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: symbolic.path), real.path)
        XCTAssertEqual(try contents(of: real), Self.fixable)
    }

    func testAFileWithTheLongestNameCanBeFixed() throws {
        let name = String(repeating: "n", count: 250) + ".json"
        let file = try write(name, Self.fixable)
        let result = CommandHarness.run(["--isolated", "--fix", file.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try contents(of: file), Self.fixed)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }
}
