import CallLint
import Foundation
import XCTest

@testable import CallLintCommand

/// `call-lint server` driven in-process as an editor drives it: framed messages in, framed
/// messages out, the exit status at the end.
final class LanguageServerTests: XCTestCase {
    struct Session {
        let status: Int32
        let messages: [JSONTree]
        var responses: [String: JSONTree] {
            var byID: [String: JSONTree] = [:]
            for message in messages where message["method"] == nil {
                if let id = message["id"] { byID[id.serialized] = message }
            }
            return byID
        }
        func notifications(_ method: String) -> [JSONTree] {
            messages.filter { $0["method"]?.string == method && $0["id"] == nil }.compactMap { $0["params"] }
        }
        /// The diagnostics last published for a document.
        func diagnostics(_ uri: String) -> [JSONTree] {
            notifications("textDocument/publishDiagnostics").last { $0["uri"]?.string == uri }?["diagnostics"]?
                .elements ?? []
        }
    }

    static func frame(_ message: JSONTree) -> [UInt8] { MessageFrameWriter.frame(message) }

    static func request(_ id: Int, _ method: String, _ params: JSONTree = .null) -> JSONTree {
        ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
    }

    static func notification(_ method: String, _ params: JSONTree = .null) -> JSONTree {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    static func initialize(encodings: [String] = ["utf-16"], id: Int = 1) -> JSONTree {
        request(
            id, "initialize",
            ["capabilities": ["general": ["positionEncodings": .array(encodings.map { .string($0) })]]])
    }

    static func open(_ uri: String, _ text: String, version: Int = 1) -> JSONTree {
        notification(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "json", "version": .int(version), "text": .string(text),
                ]
            ])
    }

    /// Runs a session over the given bytes, handed to the server `chunk` bytes at a time.
    static func run(_ input: [UInt8], chunk: Int = 1 << 16, directory: String = "/") -> Session {
        run(frames: [input], chunk: chunk, directory: directory)
    }

    static func run(_ messages: [JSONTree], chunk: Int = 1 << 16, directory: String = "/") -> Session {
        // Together, as a pipe delivers messages sent in a row.
        run(frames: [messages.flatMap(frame)], chunk: chunk, directory: directory)
    }

    /// Runs a session whose input arrives frame by frame: `before[k]` runs just before the
    /// server gets frame k (the server reads the next frame only when it has handled the last).
    static func run(
        frames: [[UInt8]], chunk: Int = 1 << 16, directory: String = "/", before: [Int: () -> Void] = [:]
    ) -> Session {
        nonisolated(unsafe) var index = 0
        nonisolated(unsafe) var remaining: ArraySlice<UInt8> = []
        nonisolated(unsafe) var output: [UInt8] = []
        let console = Console(
            readStandardInput: { count in
                if remaining.isEmpty, index < frames.count {
                    before[index]?()
                    remaining = frames[index][...]
                    index += 1
                }
                let piece = Array(remaining.prefix(min(count, chunk)))
                remaining = remaining.dropFirst(piece.count)
                return .success(piece)
            },
            writeOutput: { output += $0 }, writeError: { _ in }, currentDirectory: directory)
        let status = LanguageServer(console: console).run()
        var messages: [JSONTree] = []
        var rest = output[...]
        while let headerEnd = MessageFrameReader.find("\r\n\r\n", in: Array(rest), from: 0) {
            let header = String(decoding: rest.prefix(headerEnd), as: UTF8.self)
            let length = MessageFrameReader.contentLength(header)!
            let body = Array(rest.dropFirst(headerEnd + 4).prefix(length))
            messages.append(JSONTree.parse(body)!)
            rest = rest.dropFirst(headerEnd + 4 + length)
        }
        return Session(status: status, messages: messages)
    }

    static let uri = "file:///nonexistent-call-lint-test/payload.json"
    static let ending: [JSONTree] = [request(99, "shutdown"), notification("exit")]

    func testLifecycleAndEncodingNegotiation() {
        let utf8 = Self.run([Self.initialize(encodings: ["utf-8", "utf-16"])] + Self.ending)
        XCTAssertEqual(utf8.status, 0)
        XCTAssertEqual(utf8.responses["1"]?["result"]?["capabilities"]?["positionEncoding"], "utf-8")
        XCTAssertEqual(utf8.responses["99"]?["result"], .null)
        let utf16 = Self.run([Self.initialize(encodings: ["utf-32"]), Self.notification("exit")])
        XCTAssertEqual(utf16.responses["1"]?["result"]?["capabilities"]?["positionEncoding"], "utf-16")
        XCTAssertEqual(utf16.status, 1, "exit without shutdown ends with 1")
        XCTAssertEqual(Self.run([Self.initialize()]).status, 1, "the input ending without exit ends with 1")
    }

    func testRequestsBeforeInitializeAndUnknownMethodsAreAnswered() {
        let session = Self.run(
            [Self.request(5, "textDocument/hover"), Self.initialize(), Self.request(6, "workspace/symbol")]
                + Self.ending)
        XCTAssertEqual(session.responses["5"]?["error"]?["code"]?.integer, -32002)
        XCTAssertEqual(session.responses["6"]?["error"]?["code"]?.integer, -32601)
        XCTAssertEqual(session.status, 0)
    }

    func testMalformedFramesDoNotEndTheSession() {
        var input = Self.frame(Self.initialize())
        input += Array("Content-Type: x\r\n\r\n".utf8)  // no Content-Length
        input += Array("Content-Length: 7\r\n\r\n{nope!}".utf8)  // not JSON
        input += Array("Content-Length: 2\r\n\r\n[]".utf8)  // not an object
        input += Array("Content-Length: 99999999999999\r\n\r\n".utf8)  // too long to take
        input += Self.ending.flatMap(Self.frame)
        let session = Self.run(input, chunk: 7)
        XCTAssertEqual(session.responses["99"]?["result"], .null, "the shutdown after the bad frames is answered")
        XCTAssertEqual(session.responses["null"]?["error"]?["code"]?.integer, -32700)
        XCTAssertFalse(session.notifications("window/logMessage").isEmpty)
    }

    func testDiagnosticsInBothEncodingsMatchTheCommandLine() throws {
        // An emoji (two UTF-16 units, four bytes), CJK, a combining mark and a no-break space before the finding.
        let text = "{\"callerIdName\": \"😀 東京 e\u{301}\u{A0}\",\n \"phoneNumber\": \"+1317555012\"}"
        let cli = CommandHarness.run(
            ["--isolated", "--format", "json", "--stdin-filename", "a.json", "-"], stdin: text)
        let expected = try XCTUnwrap(JSONTree.parse(Array(cli.output.utf8))?.elements?.first)
        let offset = try XCTUnwrap(expected["offset"]?.integer)
        let lines = DocumentLines(Array(text.utf8))
        for encoding in [PositionEncoding.utf8, .utf16] {
            let session = Self.run(
                [
                    Self.initialize(encodings: [encoding.rawValue]), Self.notification("initialized"),
                    Self.open(Self.uri, text),
                ]
                    + Self.ending)
            let diagnostic = try XCTUnwrap(session.diagnostics(Self.uri).first)
            XCTAssertEqual(diagnostic["code"], expected["rule"])
            XCTAssertEqual(diagnostic["message"], expected["message"])
            XCTAssertEqual(diagnostic["source"], "call-lint")
            XCTAssertEqual(diagnostic["severity"]?.integer, 1)
            let start = lines.position(of: offset, in: encoding)
            XCTAssertEqual(DocumentPosition(diagnostic["range"]?["start"]), start, "\(encoding)")
            XCTAssertEqual(start.line, try XCTUnwrap(expected["line"]?.integer) - 1)
            XCTAssertEqual(
                session.notifications("textDocument/publishDiagnostics").last?["version"]?.integer, 1)
        }
    }

    func testPositionsCountUTF16UnitsAndBytes() {
        let lines = DocumentLines(Array("a😀b\r\nx\ré".utf8))
        XCTAssertEqual(lines.position(of: 5, in: .utf16), DocumentPosition(line: 0, character: 3))
        XCTAssertEqual(lines.position(of: 5, in: .utf8), DocumentPosition(line: 0, character: 5))
        XCTAssertEqual(lines.offset(of: DocumentPosition(line: 0, character: 3), in: .utf16), 5)
        XCTAssertEqual(lines.offset(of: DocumentPosition(line: 2, character: 1), in: .utf16), 12)
        XCTAssertEqual(lines.position(of: 9, in: .utf16), DocumentPosition(line: 1, character: 1))
        XCTAssertEqual(lines.offset(of: DocumentPosition(line: 0, character: 99), in: .utf8), 6)
        // Inside the emoji's bytes: past it, in both encodings.
        XCTAssertEqual(lines.position(of: 2, in: .utf8), DocumentPosition(line: 0, character: 5))
        XCTAssertEqual(lines.position(of: 2, in: .utf16), DocumentPosition(line: 0, character: 3))
    }

    func testIncrementalChangesAndTypingTheFixClearTheDiagnostic() {
        let text = "{\"phoneNumber\": \"+1317555012\"}"
        let change = Self.notification(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(Self.uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 0, "character": 28], "end": ["line": 0, "character": 28]],
                        "text": "3",
                    ]
                ],
            ])
        let session = Self.run([Self.initialize(), Self.open(Self.uri, text), change] + Self.ending)
        let published = session.notifications("textDocument/publishDiagnostics")
        XCTAssertEqual(published.count, 2)
        XCTAssertEqual(published[0]["diagnostics"]?.elements?.first?["code"], "e164-length")
        XCTAssertEqual(published[1]["diagnostics"], [], "+13175550123 is a right number")
        XCTAssertEqual(published[1]["version"]?.integer, 2)
    }

    func testCodeActionsApplyWhatFixWrites() throws {
        let text = "{\n  \"phoneNumber\": \"+1 317 555 0123\",\n  \"callerId\": \"+1 (317) 555-0199\"\n}\n"
        let asked = Self.request(
            2, "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(Self.uri)],
                "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 5]],
                "context": ["diagnostics": []],
            ])
        let fixAll = Self.request(
            3, "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(Self.uri)],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                "context": ["diagnostics": [], "only": ["source.fixAll"]],
            ])
        let session = Self.run([Self.initialize(), Self.open(Self.uri, text), asked, fixAll] + Self.ending)
        let lines = DocumentLines(Array(text.utf8))
        func applied(_ action: JSONTree) throws -> String {
            let edits = try XCTUnwrap(action["edit"]?["changes"]?[Self.uri]?.elements)
            var bytes = Array(text.utf8)
            let placed = edits.map { edit in
                (
                    lines.offset(
                        of: DocumentPosition(edit["range"]?["start"])!, in: .utf16)..<lines.offset(
                            of: DocumentPosition(edit["range"]?["end"])!, in: .utf16),
                    edit["newText"]?.string ?? ""
                )
            }
            for (range, replacement) in placed.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
                bytes.replaceSubrange(range, with: Array(replacement.utf8))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let offered = try XCTUnwrap(session.responses["2"]?["result"]?.elements)
        XCTAssertEqual(offered.last?["kind"], "source.fixAll.call-lint", "asked with no kinds, fix-all is offered too")
        let quickFixes = offered.filter { $0["kind"] == "quickfix" }
        XCTAssertEqual(quickFixes.count, 1, "only the finding on line 2 is in the range")
        guard quickFixes.count == 1 else { return }
        XCTAssertEqual(quickFixes[0]["kind"], "quickfix")
        XCTAssertEqual(quickFixes[0]["isPreferred"], true)
        XCTAssertTrue(try applied(quickFixes[0]).contains("\"phoneNumber\": \"+13175550123\""))
        let all = try XCTUnwrap(session.responses["3"]?["result"]?.elements)
        XCTAssertEqual(all.map { $0["kind"] }, ["source.fixAll.call-lint"])
        let directory = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"),
            create: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("payload.json")
        try Data(text.utf8).write(to: file)
        _ = CommandHarness.run(["--isolated", "--fix", file.path])
        XCTAssertEqual(try applied(all[0]), try String(contentsOf: file, encoding: .utf8))
    }

    func testATextWithNoCallBodyDrawsNothing() {
        let package = "file:///nonexistent-call-lint-test/package.json"
        let code = "file:///nonexistent-call-lint-test/tool.py"
        let session = Self.run(
            [
                Self.initialize(), Self.open(package, "{\"name\": \"app\", \"version\": \"1.0.0\"}"),
                Self.open(code, "import os\nprint(os.getcwd())\n"),
            ] + Self.ending)
        XCTAssertEqual(session.notifications("textDocument/publishDiagnostics").count, 2)
        XCTAssertEqual(session.diagnostics(package), [])
        XCTAssertEqual(session.diagnostics(code), [])
    }

    func testAnUnsavedDocumentIsReadAsItsLanguage() {
        // Python's None and single quotes: read as Python, the body has one finding, not a syntax error.
        let uri = "untitled:Untitled-1"
        let python = "import requests\nrequests.post(url, json={'phoneNumber': '+1317555012', 'callerId': None})\n"
        let open = Self.notification(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(uri), "languageId": "python", "version": 1, "text": .string(python)]])
        let session = Self.run([Self.initialize(), open] + Self.ending)
        XCTAssertEqual(
            session.diagnostics(uri).compactMap { $0["code"]?.string }.filter { $0 != "embedded-body" }, ["e164-length"]
        )
    }

    func testHoverShowsTheRulePageAndFieldDescriptions() throws {
        let text = "{\"phoneNumber\": \"+1317555012\"}"
        func hover(_ id: Int, _ character: Int) -> JSONTree {
            Self.request(
                id, "textDocument/hover",
                ["textDocument": ["uri": .string(Self.uri)], "position": ["line": 0, "character": .int(character)]])
        }
        let session = Self.run([Self.initialize(), Self.open(Self.uri, text), hover(2, 20), hover(3, 3)] + Self.ending)
        let page = try XCTUnwrap(RuleCatalog.shared.document("e164-length")).text
        let onFinding = try XCTUnwrap(session.responses["2"]?["result"]?["contents"]?["value"]?.string)
        XCTAssertTrue(onFinding.contains(page))
        let onKey = try XCTUnwrap(session.responses["3"]?["result"]?["contents"]?["value"]?.string)
        XCTAssertTrue(onKey.contains(FieldDescriptions.request["phoneNumber"]!))
    }

    func testACancelledRequestIsAnsweredAsCancelled() {
        let hover = Self.request(
            2, "textDocument/hover",
            ["textDocument": ["uri": .string(Self.uri)], "position": ["line": 0, "character": 0]])
        let session = Self.run(
            [Self.initialize(), hover, Self.notification("$/cancelRequest", ["id": 2])] + Self.ending)
        XCTAssertEqual(session.responses["2"]?["error"]?["code"]?.integer, -32800)
    }

    func testConfigurationIsFoundFromTheDocumentsFolderAndReloaded() throws {
        let directory = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"),
            create: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent(".call-lint.json")
        try Data("{\"$schema\": \"x\", \"disable\": [\"e164-length\"]}".utf8).write(to: config)
        let uri = DocumentURI.uri(of: directory.appendingPathComponent("payload.json").path)
        let text = "{\"phoneNumber\": \"+1317555012\"}"
        let frames =
            ([
                Self.initialize(), Self.open(uri, text),
                Self.notification("workspace/didChangeWatchedFiles", ["changes": []]),
            ] + Self.ending).map(Self.frame)
        // Opened under a configuration that turns the rule off; then the file is broken and
        // the client says so: the defaults apply, and the problem is shown once.
        let session = Self.run(
            frames: frames, directory: directory.path,
            before: [2: { try? Data("{\"disable\": [\"no-such-rule\"]}".utf8).write(to: config) }])
        let published = session.notifications("textDocument/publishDiagnostics")
        XCTAssertEqual(published.count, 2)
        XCTAssertEqual(published[0]["diagnostics"], [], "e164-length is disabled")
        XCTAssertEqual(
            published[1]["diagnostics"]?.elements?.first?["code"], "e164-length", "checked with the defaults")
        XCTAssertEqual(session.notifications("window/showMessage").count, 1)
        XCTAssertTrue(
            session.notifications("window/showMessage")[0]["message"]?.string?.contains("no-such-rule") ?? false)
    }
}

/// The checking process: a crash or a hang in it costs one answer, and the next request is
/// answered by a new process.
final class CheckWorkerTests: XCTestCase {
    func testACrashOrAHangCostsOneAnswer() throws {
        #if os(Linux)
            let worker = CheckWorker(
                timeLimit: 1_000,
                makeHandler: {
                    return { request in
                        switch request["op"]?.string {
                        case "crash": abort()
                        case "hang": sleep(30)
                        default: break
                        }
                        return ["pid": .int(Int(getpid()))]
                    }
                })
            guard case .success(let first) = worker.ask(["op": "echo"]) else { return XCTFail("no first answer") }
            XCTAssertNotEqual(first["pid"]?.integer, Int(getpid()), "answered in another process")
            guard case .failure(let crash) = worker.ask(["op": "crash"]) else { return XCTFail("a crash answered") }
            XCTAssertTrue(crash.message.contains("crashed (signal \(SIGABRT))"), crash.message)
            guard case .success(let second) = worker.ask(["op": "echo"]) else { return XCTFail("no answer after") }
            XCTAssertNotEqual(second["pid"], first["pid"], "a new process")
            guard case .failure(let hang) = worker.ask(["op": "hang"]) else { return XCTFail("a hang answered") }
            XCTAssertTrue(hang.message.contains("longer than 1 s"), hang.message)
            guard case .success = worker.ask(["op": "echo"]) else { return XCTFail("no answer after the hang") }
        #else
            throw XCTSkip("the checking process is made with fork, on Linux")
        #endif
    }
}
