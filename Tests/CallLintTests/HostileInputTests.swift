import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Bad input never crashes the tool: each case gets a clear message naming the file and the
/// right exit status, and the other files are still checked. Runs the real binary.
final class HostileInputTests: ScratchDirectoryTestCase {
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Each hostile file next to a bad but readable one: the message, the status, and the
    /// readable file still reported.
    func testHostileFilesGetClearDiagnostics() throws {
        let witness = try file("witness.json", Array(#"{"phoneNumber": "+1317555012"}"#.utf8))
        let cases: [(String, [UInt8], String)] = [
            ("empty.json", [], "empty input"),
            ("spaces.json", Array("  \n\t \n".utf8), "only whitespace"),
            ("bom.json", [0xEF, 0xBB, 0xBF] + Array("{}".utf8), "byte-order mark"),
            ("nul.json", Array("{\"a\":".utf8) + [0, 0, 0], "NUL byte"),
            ("binary.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "invalid UTF-8 byte 0x89"),
            ("latin1.json", Array("{\"name\": \"".utf8) + [0xE9] + Array("\"}".utf8), "invalid UTF-8 byte 0xE9"),
            ("surrogate.json", Array(#"{"phoneNumber": "\ud83d"}"#.utf8), "lone UTF-16 surrogate"),
            ("deep.json", [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000), "nesting deeper than 1000 levels"),
            ("digits.json", Array("{\"priority\": \(String(repeating: "7", count: 10_000))}".utf8), "missing-target"),
            ("utf16.json", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "UTF-16"),
        ]
        for (name, bytes, expected) in cases {
            let path = try file(name, bytes)
            let result = try CommandHarness.runProcess(["--isolated", "--color", "never", path, witness])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.output.contains(path + ":"), "\(name): the message names the file\n\(result.output)")
            XCTAssertTrue(
                result.output.contains(expected), "\(name): expected \(expected)\n\(result.output.prefix(2000))")
            XCTAssertTrue(
                result.output.contains("witness.json:1:17: error:"), "\(name): the other file is still checked")
            XCTAssertTrue(result.errors.isEmpty, "\(name): \(result.errors)")
        }
    }

    func testAHundredMegabyteStringValue() throws {
        var bytes = Array(#"{"phoneNumber": "+13175550123", "callerIdName": ""#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000)
        bytes += Array("\"}".utf8)
        let path = try file("huge.json", bytes)
        let result = try CommandHarness.runProcess(["--isolated", path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("no problems found"))
    }

    func testPathsThatCannotBeReadAreErrorsAndTheRestIsChecked() throws {
        let folder = scratch.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"phoneNumber": "+1317555012"}"#.utf8).write(to: folder.appendingPathComponent("a.json"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("dangling.json").path,
            withDestinationPath: scratch.appendingPathComponent("nowhere").path)
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o644), 0)
        let locked = folder.appendingPathComponent("locked.json")
        try Data("{}".utf8).write(to: locked)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o644) }

        let result = try CommandHarness.runProcess(["--isolated", folder.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.contains("a.json:1:17: error:"), "the readable file is checked")
        XCTAssertTrue(result.errors.contains("dangling.json: dangling symbolic link"), result.errors)
        XCTAssertTrue(result.errors.contains("pipe.json: a named pipe (FIFO), not a regular file"), result.errors)
        if geteuid() != 0 {
            XCTAssertTrue(result.errors.contains("locked.json: Permission denied"), result.errors)
        }
        let directFIFO = try CommandHarness.runProcess(["--isolated", folder.appendingPathComponent("pipe.json").path])
        XCTAssertEqual(directFIFO.status, 2, "a FIFO is refused, not waited on")
    }

    func testLinkCyclesAreNotFollowedWhileSearching() throws {
        let folder = scratch.appendingPathComponent("tree/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"phoneNumber": "1"}"#.utf8).write(to: folder.appendingPathComponent("a.json"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("up").path, withDestinationPath: "..")
        let result = try CommandHarness.runProcess([
            "--isolated", "--format", "json", scratch.appendingPathComponent("tree").path,
        ])
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1, "the file is reported once, not once per trip round the cycle")
        XCTAssertEqual(result.status, 1)
    }

    func testClosedStandardInput() throws {
        let binary = try CommandHarness.executable().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" --isolated - <&-", binary]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(message.contains("cannot read <stdin>: standard input is closed\n"), message)
    }

    func testOutputIntoAClosedPipeDoesNotCrash() throws {
        let binary = try CommandHarness.executable().path
        let manyBodies = "[" + Array(repeating: #"{"phoneNumber": "1"}"#, count: 20000).joined(separator: ",") + "]"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "\"$0\" --isolated --array \"$1\" | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}", binary,
            try file("many.json", Array(manyBodies.utf8)),
        ]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, "findings, and no death by SIGPIPE")
    }

    /// A non-blocking standard output that fills (a slow reader) is waited on: every line
    /// arrives. Only a closed one ends the output.
    func testAFullNonBlockingOutputIsWaitedOnNotDropped() throws {
        let binary = try CommandHarness.executable().path
        let lines = (0..<5000).map { _ in #"{"phoneNumber": "1"}"# }.joined(separator: "\n") + "\n"
        let input = try file("many.ndjson", Array(lines.utf8))
        let pipe = Pipe()
        let writeEnd = pipe.fileHandleForWriting.fileDescriptor
        XCTAssertEqual(fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK), 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--isolated", "--format", "github", input]
        process.standardOutput = pipe
        try process.run()
        try pipe.fileHandleForWriting.close()
        // A slow reader: the 64 KB pipe fills long before this reads.
        Thread.sleep(forTimeInterval: 0.5)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let count = String(decoding: output, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("::error ") }
            .count
        XCTAssertEqual(count, 5000, "lines lost to EAGAIN")
        XCTAssertEqual(process.terminationStatus, 1)
    }
}
