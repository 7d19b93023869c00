import CallLint

/// `call-lint server`: the Language Server Protocol over standard input and output. Messages are
/// handled one at a time, in the order they came, on one thread; the documents' findings come
/// from the same checker as the command line's (DocumentChecker). A message that cannot be
/// read, a method it does not know, or a document it cannot check is answered or logged, and
/// the session goes on; only `exit` ends it.
final class LanguageServer {
    enum State {
        case uninitialized, running, shutDown
    }

    let console: Console
    private var reader: MessageFrameReader
    private(set) var state = State.uninitialized
    private(set) var encoding = PositionEncoding.utf16
    private var documents: [String: OpenDocument] = [:]
    /// Messages read but not yet handled: read ahead so that a cancellation that came right
    /// behind its request is seen before the request is answered.
    private var pending: [JSONTree] = []
    private var pendingStart = 0
    private let worker: CheckWorker
    private var watchesFilesDynamically = false
    private var nextRequestNumber = 1

    init(console: Console) {
        self.console = console
        reader = MessageFrameReader(read: console.readStandardInput)
        worker = CheckWorker(makeHandler: {
            var service = CheckService(console: console)
            return { service.answer($0) }
        })
    }

    /// Serves until `exit` or the end of the input. - Returns: the exit status.
    func run() -> Int32 {
        while true {
            guard let message = nextMessage() else {
                // The client went away without `exit`.
                return state == .shutDown ? 0 : 1
            }
            if message["method"]?.string == "exit" { return state == .shutDown ? 0 : 1 }
            handle(message)
        }
    }

    private func nextMessage() -> JSONTree? {
        while pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            guard take(reader.next()) else { return nil }
            while let frame = reader.bufferedFrame() { _ = take(frame) }
        }
        defer { pendingStart += 1 }
        return pending[pendingStart]
    }

    /// Queues a frame's message, or answers a frame that is none. - Returns: false at the end.
    private func take(_ frame: MessageFrameReader.Frame) -> Bool {
        switch frame {
        case .end: return false
        case .malformed(let why):
            log("call-lint server: skipped a frame: \(why)")
        case .message(let bytes):
            if let message = JSONTree.parse(bytes), case .object = message {
                pending.append(message)
            } else {
                send(Self.error(id: .null, code: Self.parseError, "the message is not a JSON object"))
            }
        }
        return true
    }

    // MARK: dispatch

    func handle(_ message: JSONTree) {
        guard let method = message["method"]?.string else {
            // A response to one of the server's requests (client/registerCapability): nothing waits for it.
            if message["id"] == nil { send(Self.error(id: .null, code: Self.invalidRequest, "no method")) }
            return
        }
        let id = message["id"]
        let params = message["params"] ?? .null
        guard let id else { return notify(method, params) }
        if isCancelled(id) {
            return send(Self.error(id: id, code: Self.requestCancelled, "the request was cancelled"))
        }
        switch state {
        case .uninitialized where method != "initialize":
            return send(Self.error(id: id, code: Self.serverNotInitialized, "initialize first"))
        case .shutDown:
            return send(Self.error(id: id, code: Self.invalidRequest, "the server is shut down; send exit"))
        default: break
        }
        switch method {
        case "initialize":
            guard state == .uninitialized else {
                return send(Self.error(id: id, code: Self.invalidRequest, "initialize was already sent"))
            }
            send(Self.result(id: id, initialize(params)))
        case "shutdown":
            state = .shutDown
            send(Self.result(id: id, .null))
        case "textDocument/codeAction":
            send(Self.result(id: id, codeActions(params)))
        case "textDocument/hover":
            send(Self.result(id: id, hover(params)))
        default:
            send(Self.error(id: id, code: Self.methodNotFound, "call-lint server does not handle \(method)"))
        }
    }

    private func notify(_ method: String, _ params: JSONTree) {
        guard state == .running else { return }
        switch method {
        case "initialized": registerFileWatching()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": configurationsChanged()
        default: break  // $/cancelRequest is read ahead; other notifications need nothing.
        }
    }

    /// Whether a `$/cancelRequest` for this id came after it, among the messages read ahead.
    private func isCancelled(_ id: JSONTree) -> Bool {
        pending[pendingStart...].contains { message in
            message["method"]?.string == "$/cancelRequest" && message["params"]?["id"] == id
        }
    }

    // MARK: lifecycle

    private func initialize(_ params: JSONTree) -> JSONTree {
        let capabilities = params["capabilities"]
        let offered = capabilities?["general"]?["positionEncodings"]?.elements?.compactMap(\.string) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        watchesFilesDynamically =
            capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolean ?? false
        if let root = params["rootUri"]?.string.flatMap(DocumentURI.path(of:)) {
            _ = worker.ask(["op": "workspace", "folder": .string(root)])
        }
        state = .running
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": [
                    "codeActionKinds": [.string(Self.quickFix), .string(Self.fixAllKind)], "resolveProvider": false,
                ],
                "hoverProvider": true,
            ],
            "serverInfo": ["name": "call-lint", "version": .string(HelpText.versionNumber)],
        ]
    }

    private func registerFileWatching() {
        guard watchesFilesDynamically else { return }
        let watcher: JSONTree = ["globPattern": .string("**/" + Configuration.fileName)]
        let registration: JSONTree = [
            "id": "call-lint-configuration", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": [watcher]],
        ]
        send([
            "jsonrpc": "2.0", "id": .string("call-lint-\(nextRequestNumber)"), "method": "client/registerCapability",
            "params": ["registrations": [registration]],
        ])
        nextRequestNumber += 1
    }

    // MARK: documents

    private func didOpen(_ params: JSONTree) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string
        else { return log("call-lint server: didOpen without a textDocument uri and text") }
        var document = OpenDocument(uri: uri, version: item["version"]?.integer, text: Array(text.utf8))
        document.languageID = item["languageId"]?.string
        documents[uri] = document
        check(uri)
    }

    private func didChange(_ params: JSONTree) {
        guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return }
        document.version = params["textDocument"]?["version"]?.integer ?? document.version
        for change in params["contentChanges"]?.elements ?? [] where !document.apply(change, encoding: encoding) {
            log("call-lint server: a change to \(uri) that is not one the protocol allows was skipped")
        }
        documents[uri] = document
        check(uri)
    }

    private func didSave(_ params: JSONTree) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        // A configuration saved in the editor counts as changed, whether or not the client watches files.
        if DocumentURI.path(of: uri).map({ $0.hasSuffix("/" + Configuration.fileName) }) ?? false {
            return configurationsChanged()
        }
        if documents[uri] != nil { check(uri) }
    }

    private func didClose(_ params: JSONTree) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        documents[uri] = nil
        send(Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
    }

    private func configurationsChanged() {
        _ = worker.ask(["op": "forget"])
        for uri in documents.keys.sorted() { check(uri) }
    }

    /// Checks a document and publishes what was found.
    private func check(_ uri: String) {
        guard var document = documents[uri] else { return }
        let answer = worker.ask(CheckService.request(.check, for: document))
        if case .success(let answer) = answer, let list = answer["findings"]?.elements {
            if let problem = answer["problem"]?.string { showOnce(problem) }
            document.findings = list.compactMap(DocumentFinding.init)
        } else {
            document.findings = []
            let why: String
            if case .failure(let failure) = answer { why = failure.message } else { why = "no answer came back" }
            showOnce("call-lint: \(document.name) could not be checked: \(why); please report it")
        }
        documents[uri] = document
        var params: [(key: String, value: JSONTree)] = [("uri", .string(uri))]
        if let version = document.version { params.append(("version", .int(version))) }
        params.append(("diagnostics", .array(document.findings.map { diagnostic($0, in: document) })))
        send(Self.notification("textDocument/publishDiagnostics", .object(params)))
    }

    private var shownProblems: Set<String> = []

    private func showOnce(_ problem: String) {
        guard !shownProblems.contains(problem) else { return }
        shownProblems.insert(problem)
        send(Self.notification("window/showMessage", ["type": 1, "message": .string(problem)]))
    }

    // MARK: conversions

    func range(_ range: Range<Int>, in document: OpenDocument) -> JSONTree {
        [
            "start": document.lines.position(of: range.lowerBound, in: encoding).value,
            "end": document.lines.position(of: range.upperBound, in: encoding).value,
        ]
    }

    func diagnostic(_ finding: DocumentFinding, in document: OpenDocument) -> JSONTree {
        let diagnostic = finding.diagnostic
        var members: [(key: String, value: JSONTree)] = [
            ("range", range(finding.range, in: document)),
            ("severity", .int(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.ruleID)),
            ("source", "call-lint"),
            ("message", .string(diagnostic.message)),
        ]
        if !finding.related.isEmpty {
            members.append(
                (
                    "relatedInformation",
                    .array(
                        finding.related.map { related in
                            [
                                "location": [
                                    "uri": .string(document.uri), "range": range(related.range, in: document),
                                ],
                                "message": .string(related.message),
                            ]
                        })
                ))
        }
        return .object(members)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    // MARK: code actions and hover

    static let quickFix = "quickfix"
    static let fixAllKind = "source.fixAll.call-lint"

    private func codeActions(_ params: JSONTree) -> JSONTree {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri] else { return [] }
        let only = params["context"]?["only"]?.elements?.compactMap(\.string)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var actions: [JSONTree] = []
        if wanted(Self.quickFix), let asked = params["range"] {
            // The lines asked about: a cursor anywhere on a finding's line gets its fix, as a
            // client that sends the cursor's position (or the line's diagnostics) expects.
            let first = DocumentPosition(asked["start"])?.line ?? 0
            let last = max(first, DocumentPosition(asked["end"])?.line ?? first)
            for finding in document.findings {
                guard let fix = finding.diagnostic.fix, document.lines.line(of: finding.range.lowerBound) <= last,
                    first <= document.lines.line(of: finding.range.upperBound)
                else { continue }
                actions.append([
                    "title": .string(fix.title), "kind": .string(Self.quickFix),
                    "diagnostics": [diagnostic(finding, in: document)],
                    "isPreferred": .bool(fix.applicability == .safe),
                    "edit": workspaceEdit(finding.edits, in: document),
                ])
            }
        }
        if wanted(Self.fixAllKind), document.findings.contains(where: { $0.diagnostic.fix?.applicability == .safe }),
            case .success(let answer) = worker.ask(CheckService.request(.fix, for: document)),
            let fixed = answer["text"]?.string.map({ Array($0.utf8) }), fixed != document.bytes
        {
            actions.append([
                "title": "call-lint: fix all safely fixable problems", "kind": .string(Self.fixAllKind),
                "edit": workspaceEdit([Self.edit(from: document.bytes, to: fixed)], in: document),
            ])
        }
        return .array(actions)
    }

    private func workspaceEdit(_ edits: [TextEdit], in document: OpenDocument) -> JSONTree {
        let converted: [JSONTree] = edits.map { edit in
            ["range": range(edit.range, in: document), "newText": .string(edit.replacement)]
        }
        return ["changes": .object([(key: document.uri, value: .array(converted))])]
    }

    /// One edit that turns a text into another: the stretch between what they share at the
    /// start and at the end, widened to whole characters and never splitting a CRLF.
    static func edit(from original: [UInt8], to fixed: [UInt8]) -> TextEdit {
        var prefix = 0
        let shorter = min(original.count, fixed.count)
        while prefix < shorter, original[prefix] == fixed[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix] {
            suffix += 1
        }
        func splits(_ bytes: [UInt8], _ index: Int) -> Bool {
            guard index > 0, index < bytes.count else { return false }
            return bytes[index] & 0xC0 == 0x80 || (bytes[index - 1] == 13 && bytes[index] == 10)
        }
        while prefix > 0, splits(original, prefix) || splits(fixed, prefix) { prefix -= 1 }
        while suffix > 0, splits(original, original.count - suffix) || splits(fixed, fixed.count - suffix) {
            suffix -= 1
        }
        let replacement = String(decoding: fixed[prefix..<fixed.count - suffix], as: UTF8.self)
        return TextEdit(range: prefix..<original.count - suffix, replacement: replacement)
    }

    private func hover(_ params: JSONTree) -> JSONTree {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
            let position = DocumentPosition(params["position"])
        else { return .null }
        let offset = document.lines.offset(of: position, in: encoding)
        let here = document.findings.filter { $0.range.contains(offset) || $0.range.lowerBound == offset }
        var sections: [String] = []
        var ranges: [Range<Int>] = []
        for finding in here {
            let diagnostic = finding.diagnostic
            var section = "**\(diagnostic.ruleID)**: \(diagnostic.message)"
            if let help = diagnostic.help { section += "\n\nhelp: \(help)" }
            if let page = RuleCatalog.shared.document(diagnostic.ruleID) { section += "\n\n---\n\n" + page.text }
            sections.append(section)
            ranges.append(finding.range)
        }
        if sections.isEmpty, let field = FieldHover.field(at: offset, in: document.bytes, name: document.name) {
            sections.append(field.text)
            ranges.append(field.range)
        }
        guard !sections.isEmpty else { return .null }
        let lower = ranges.map(\.lowerBound).min() ?? offset
        let upper = ranges.map(\.upperBound).max() ?? offset
        return [
            "contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))],
            "range": range(lower..<upper, in: document),
        ]
    }

    // MARK: sending

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let serverNotInitialized = -32002
    static let requestCancelled = -32800

    static func result(id: JSONTree, _ result: JSONTree) -> JSONTree {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSONTree, code: Int, _ message: String) -> JSONTree {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
    }

    static func notification(_ method: String, _ params: JSONTree) -> JSONTree {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    private func log(_ message: String) {
        send(Self.notification("window/logMessage", ["type": 2, "message": .string(message)]))
    }

    private func send(_ message: JSONTree) {
        console.writeOutput(MessageFrameWriter.frame(message))
    }
}
