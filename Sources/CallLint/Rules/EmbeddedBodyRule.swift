/// `embedded-body`: a note that the input was not a request body as it stands, and what was
/// read from it: the body of a curl command or an HTTP request, a Markdown fence, a Python or
/// JavaScript literal, the template of a data action, the requests of a Postman collection or
/// a HAR capture. The findings that follow are the body's, placed in the input.
///
/// Reported when a body is found in its input: Linter.check(_:in:).
public struct EmbeddedBodyRule: RuleReportedElsewhere {
    public static let id = "embedded-body"
    static let defaultSeverity = Severity.info
    static let fixAvailability = FixAvailability.none
}
