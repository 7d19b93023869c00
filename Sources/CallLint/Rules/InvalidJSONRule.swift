/// `invalid-json`: the body is not JSON. The parser finds the error; this rule says it in a
/// call request's terms: the JSON layer's words, with the advice only a request body needs
/// (a body is an object, a phone number is a string, one body per call). Nothing else runs on a
/// body that does not parse.
///
/// Reported before any rule runs: Linter.check(syntaxError:in:).
struct InvalidJSONRule: RuleReportedElsewhere {
    static let id = "invalid-json"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none

    static func diagnostic(for error: JSONSyntaxError, in source: SourceText, severity: Severity) -> Diagnostic {
        let text = text(of: error, in: source)
        return Diagnostic(
            ruleID: id, severity: severity, message: text.message, range: error.range, pointer: "", help: text.help)
    }

    static func text(of error: JSONSyntaxError, in source: SourceText) -> JSONSyntaxError.Text {
        let general = error.text(in: source)
        let found = source.text(error.range)
        func advice(_ help: String) -> JSONSyntaxError.Text { .init(message: general.message, help: help) }
        switch error.cause {
        case .tooLarge:
            return .init(message: "input is 2 GiB or larger; call-lint reads smaller files", help: nil)
        case .emptyInput:
            return .init(
                message: "empty input: a request body must be a JSON object",
                help: "write at least {\"phoneNumber\": \"+13175550123\"}")
        case .onlyWhitespace:
            return .init(message: "input holds only whitespace: a request body must be a JSON object", help: nil)
        case .tooDeep:
            return advice("a call request is at most four levels deep; this input is not one")
        case .leadingZero:
            return advice(
                "a phone number or id is text: write it as a string, \"\(found)\" (phone numbers in E.164 form: "
                    + "\"+...\")"
            )
        case .unexpectedInNumber(let number):
            return advice("if this is a phone number or id, write it as a string: \"\(source.text(number))\"")
        case .plusSign:
            return .init(
                message: "unquoted phone number \(found)", help: "phone numbers are strings: write \"\(found)\"")
        case .secondValue:
            return advice(
                "send one request body per call; to check many payloads in one file, write one per line and use "
                    + "--ndjson"
            )
        case .comment:
            return advice("remove the comment; the API rejects bodies that contain one")
        case .unquotedPlaceholder:
            return advice("quote it, \"\(found)\", or lint the rendered payload; a quoted placeholder is accepted")
        default:
            return general
        }
    }
}
