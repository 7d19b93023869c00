import Foundation
import XCTest

@testable import CallLintCommand

/// Runs the command in-process with captured output, from the package root.
struct CommandResult {
    let status: Int32
    let output: String
    let errors: String
}

enum CommandHarness {
    static func run(
        _ arguments: [String], stdin: String? = nil, terminal: Bool = false, environment: [String: String] = [:],
        directory: URL = TestPaths.packageRoot
    ) -> CommandResult {
        nonisolated(unsafe) var output = ""
        nonisolated(unsafe) var errors = ""
        nonisolated(unsafe) var remaining = Array((stdin ?? "").utf8)
        let previous = FileManager.default.currentDirectoryPath
        // A run in the wrong folder would read other files than the test names: stop instead.
        precondition(
            FileManager.default.changeCurrentDirectoryPath(directory.path), "cannot enter \(directory.path)")
        defer {
            precondition(FileManager.default.changeCurrentDirectoryPath(previous), "cannot return to \(previous)")
        }
        let console = Console(
            readStandardInput: { count in
                let chunk = Array(remaining.prefix(count))
                remaining.removeFirst(chunk.count)
                return .success(chunk)
            },
            writeOutput: { output += String(decoding: $0, as: UTF8.self) }, writeError: { errors += $0 },
            standardOutputIsTerminal: terminal, standardInputIsTerminal: false,
            environment: environment, currentDirectory: directory.path)
        let status = CallLintCommand(console: console).run(arguments)
        return CommandResult(status: status, output: output, errors: errors)
    }

    /// The built `call-lint` executable, beside the test bundle; `CALL_LINT_TEST_BINARY` names
    /// another (an earlier build, to see a new test fail on it).
    static func executable(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        if let other = ProcessInfo.processInfo.environment["CALL_LINT_TEST_BINARY"], !other.isEmpty {
            return URL(fileURLWithPath: other)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("call-lint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = TestPaths.packageRoot.appendingPathComponent(".build/debug/call-lint")
        if FileManager.default.isExecutableFile(atPath: fallback.path) { return fallback }
        XCTFail("call-lint executable not found; run `swift build` first", file: file, line: line)
        throw XCTSkip("no executable")
    }

    /// Runs a bash script in a folder with the built binary as `$B`: for redirections, closed
    /// descriptors and limits that a test sets up as a shell would.
    static func runShell(_ script: String, in directory: URL) throws -> CommandResult {
        try runProcess(
            ["-c", "B=\"$0\"; " + script, try executable().path], directory: directory, executable: "/bin/bash")
    }

    /// Runs the real binary as a subprocess.
    /// - Parameter executable: another program to run (a shell, for redirections), instead.
    static func runProcess(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
        directory: URL = TestPaths.packageRoot, executable other: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = try other.map { URL(fileURLWithPath: $0) } ?? executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        inputPipe.fileHandleForWriting.write(stdin ?? Data())
        try inputPipe.fileHandleForWriting.close()
        let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
