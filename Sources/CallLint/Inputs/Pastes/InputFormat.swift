/// What an input is, as `--input-format` names it. `auto` recognises a paste by its shape;
/// `json` is a request body (or a file of them: a data action, a Postman collection, a HAR
/// capture) as written; the languages are source code, read for the bodies it sends.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, json, curl, http, markdown, javascript, typescript, python, csharp, java, go

    /// The names `--input-format` takes, for help and errors.
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// The format of a code file named on the command line, by its extension.
    public static func code(fileName: String) -> InputFormat? {
        CodeLanguage.of(fileName: fileName).flatMap { InputFormat(rawValue: $0.rawValue) }
    }

    /// The programming language the format names, if it names one.
    var language: CodeLanguage? { CodeLanguage(rawValue: rawValue) }
    /// Whether the format is a program's source (read by CodeReader).
    public var isCode: Bool { language != nil }
}

extension InputFormat {
    /// What the format names, in messages.
    var noun: String {
        switch self {
        case .auto, .json: return "JSON"
        case .curl: return "curl command"
        case .http: return "HTTP request"
        case .markdown: return "Markdown code fence"
        case .javascript, .typescript, .python, .csharp, .java, .go: return language?.displayName ?? rawValue
        }
    }
}
