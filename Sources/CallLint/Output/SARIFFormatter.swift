/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards. One run;
/// the driver lists every rule with its summary and documentation; each result points at a
/// region by line and column (Unicode code points, as `columnKind` says).
public struct SARIFFormatter: ReportWriter {
    public init() {}

    var written = 0
    /// The inputs that could not be read, and why: the run's invocation records them.
    var unreadable: [(file: String, reason: String)] = []

    public mutating func begin(into output: OutputBuffer) {
        let rules = RuleRegistry.ids.map { id -> String in
            let document = RuleCatalog.shared.document(id)
            let summary = document?.summary ?? id
            let level = Self.level(document?.severity ?? .error)
            return """
                {"id": \(JSONString.quoted(id)), "name": \(JSONString.quoted(Self.camelName(id))), \
                "shortDescription": {"text": \(JSONString.quoted(summary))}, \
                "fullDescription": {"text": \(JSONString.quoted(summary))}, \
                "help": {"text": \(JSONString.quoted(document?.text ?? summary)), \
                "markdown": \(JSONString.quoted(document?.text ?? summary))}, \
                "defaultConfiguration": {"level": \(JSONString.quoted(level))}}
                """
        }
        output.append(
            """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {"driver": {"name": "call-lint", "version": "0.1.0", "rules": [
                    \(rules.joined(separator: ",\n        "))
                  ]}},
                  "columnKind": "unicodeCodePoints",
                  "results": [
            """)
    }

    public mutating func write(_ report: FileReport, into output: OutputBuffer) {
        if let readError = report.readError { unreadable.append((report.displayName, readError)) }
        let ids = RuleRegistry.ids
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            let index = ids.firstIndex(of: diagnostic.ruleID) ?? 0
            var message = diagnostic.message
            if let help = diagnostic.help { message += "; " + help }
            let endColumn = max(
                located.end.column, located.start.line == located.end.line ? located.start.column + 1 : 1)
            let region = """
                {"startLine": \(located.start.line), "startColumn": \(located.start.column), \
                "endLine": \(located.end.line), "endColumn": \(endColumn), \
                "byteOffset": \(located.fileOffset(diagnostic.range.lowerBound)), \
                "byteLength": \(diagnostic.range.count)}
                """
            let uri = JSONString.quoted(Self.uri(located.file))
            let pointer = JSONString.quoted(diagnostic.pointer.isEmpty ? "/" : diagnostic.pointer)
            let result = """
                {"ruleId": \(JSONString.quoted(diagnostic.ruleID)), "ruleIndex": \(index), \
                "level": \(JSONString.quoted(Self.level(diagnostic.severity))), \
                "message": {"text": \(JSONString.quoted(message))}, \
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": \(uri)}, \
                "region": \(region)}, \
                "logicalLocations": [{"fullyQualifiedName": \(pointer), "kind": "member"}]}]}
                """
            output.append(written == 0 ? "\n        " : ",\n        ")
            output.append(result)
            written += 1
        }
    }

    /// Closes the results and says how the run went: `executionSuccessful` is false when an
    /// input could not be read, and each such input is a notification naming it.
    public mutating func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        output.append((written == 0 ? "" : "\n      ") + "],\n")
        let notifications = unreadable.map { file, reason in
            """
            {"level": "error", "message": {"text": \(JSONString.quoted(ReadFailure.message(reason)))}, \
            "descriptor": {"id": \(JSONString.quoted(ReadFailure.ruleID))}, \
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": \(JSONString.quoted(Self.uri(file)))}}}]}
            """
        }
        let listed =
            notifications.isEmpty ? "" : "\n        " + notifications.joined(separator: ",\n        ") + "\n      "
        output.append(
            """
                  "invocations": [{"executionSuccessful": \(unreadable.isEmpty), "toolExecutionNotifications": [\
            \(listed)]}]
                }
              ]
            }

            """)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// `e164-missing-plus` becomes `E164MissingPlus`, SARIF's customary rule name form.
    static func camelName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference for a path: unreserved characters and `/` stay, the rest is
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        var output = ""
        // The name's own bytes (a name that is not UTF-8 keeps them), percent-encoded.
        for byte in FileName.systemBytes(path).dropLast().map({ UInt8(bitPattern: $0) }) {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
                output.append(character)
            } else {
                output += "%" + hex(UInt32(byte), width: 2)
            }
        }
        return output
    }
}
