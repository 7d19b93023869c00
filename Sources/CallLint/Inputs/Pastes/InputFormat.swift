/// What an input is, as `--input-format` names it. `auto` recognises a paste by its shape;
/// `json` is a request body (or a file of them: a data action, a Postman collection, a HAR
/// capture) as written.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, json, curl, http, markdown, python, javascript

    /// The names `--input-format` takes, for help and errors.
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}

extension InputFormat {
    /// What the format names, in messages.
    var noun: String {
        switch self {
        case .auto, .json: return "JSON"
        case .curl: return "curl command"
        case .http: return "HTTP request"
        case .markdown: return "Markdown code fence"
        case .python: return "Python dict"
        case .javascript: return "JavaScript object literal"
        }
    }
}
