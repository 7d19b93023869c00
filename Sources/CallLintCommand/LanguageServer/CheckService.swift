import CallLint

/// What the checking process does for the server: checks a document, or works out the text
/// `--fix` would write, with the configuration that applies to it (DocumentConfigurations).
/// Requests and answers are JSON, as they travel between the two processes (CheckWorker).
struct CheckService {
    private var configurations: DocumentConfigurations

    init(console: Console) {
        configurations = DocumentConfigurations(console: console)
    }

    enum DocumentRequest: String {
        /// The document's findings.
        case check
        /// The text `--fix` would write.
        case fix
    }

    static func request(_ kind: DocumentRequest, for document: OpenDocument) -> JSONTree {
        [
            "op": .string(kind.rawValue), "name": .string(document.name),
            "path": document.path.map(JSONTree.string) ?? .null, "text": .string(document.bytes),
        ]
    }

    mutating func answer(_ request: JSONTree) -> JSONTree {
        switch request["op"]?.string {
        case DocumentRequest.check.rawValue:
            guard let name = request["name"]?.string, let text = request["text"]?.string else { return .null }
            let found = configurations.checker(forPath: request["path"]?.string)
            let findings = found.checker.findings(name: name, bytes: Array(text.utf8))
            return ["findings": .array(findings.map(\.tree)), "problem": found.problem.map(JSONTree.string) ?? .null]
        case DocumentRequest.fix.rawValue:
            guard let name = request["name"]?.string, let text = request["text"]?.string else { return .null }
            let checker = configurations.checker(forPath: request["path"]?.string).checker
            return ["text": .string(checker.fixedText(name: name, bytes: Array(text.utf8)))]
        case "forget":
            configurations.forget()
            return [:]
        case "workspace":
            configurations.workspaceFolder = request["folder"]?.string
            return [:]
        default:
            return .null
        }
    }
}

extension JSONTree {
    /// A string of UTF-8 bytes (a document's text, which the protocol delivered as a string).
    static func string(_ bytes: [UInt8]) -> JSONTree { .string(String(decoding: bytes, as: UTF8.self)) }
}
