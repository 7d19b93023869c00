/// What an input is, as `--input-format` names it. `auto` recognises a paste by its shape;
/// `json` is a request body (or a file of them: a data action, a Postman collection, a HAR
/// capture) as written.
public enum InputFormat: String, CaseIterable, Sendable {
    case auto, json, curl, http, markdown, python, javascript

    /// The names `--input-format` takes, for help and errors.
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}
