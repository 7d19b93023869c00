/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards. One run;
/// the driver lists every rule with its summary and documentation; each result points at a
/// region by line and column (Unicode code points, as `columnKind` says).
public struct SARIFFormatter: ReportWriter {
    public init() {}

    var written = 0

    public mutating func begin() -> String {
        let rules = RuleRegistry.ids.map { id -> String in
            let document = RuleCatalog.shared.document(id)
            let summary = document?.summary ?? id
            let level = Self.level(document?.severity ?? .error)
            return """
                {"id": \(JSONWriter.quote(id)), "name": \(JSONWriter.quote(Self.camelName(id))), \
                "shortDescription": {"text": \(JSONWriter.quote(summary))}, \
                "fullDescription": {"text": \(JSONWriter.quote(summary))}, \
                "help": {"text": \(JSONWriter.quote(document?.text ?? summary)), "markdown": \(JSONWriter.quote(document?.text ?? summary))}, \
                "defaultConfiguration": {"level": \(JSONWriter.quote(level))}}
                """
        }
        return """
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
            """
    }

    public mutating func write(_ report: FileReport) -> String {
        let ids = RuleRegistry.ids
        var output = ""
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            let index = ids.firstIndex(of: diagnostic.ruleID) ?? 0
            var message = diagnostic.message
            if let help = diagnostic.help { message += "; " + help }
            let endColumn = max(located.end.column, located.start.line == located.end.line ? located.start.column + 1 : 1)
            let region = """
                {"startLine": \(located.start.line), "startColumn": \(located.start.column), \
                "endLine": \(located.end.line), "endColumn": \(endColumn), \
                "charOffset": \(located.fileOffset(diagnostic.range.lowerBound)), "charLength": \(diagnostic.range.count)}
                """
            let result = """
                {"ruleId": \(JSONWriter.quote(diagnostic.ruleID)), "ruleIndex": \(index), \
                "level": \(JSONWriter.quote(Self.level(diagnostic.severity))), \
                "message": {"text": \(JSONWriter.quote(message))}, \
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": \(JSONWriter.quote(Self.uri(located.file)))}, \
                "region": \(region)}, \
                "logicalLocations": [{"fullyQualifiedName": \(JSONWriter.quote(diagnostic.pointer.isEmpty ? "/" : diagnostic.pointer)), "kind": "member"}]}]}
                """
            output += (written == 0 ? "\n        " : ",\n        ") + result
            written += 1
        }
        return output
    }

    public mutating func finish(_ totals: ReportTotals) -> String {
        (written == 0 ? "" : "\n      ") + "]\n    }\n  ]\n}\n"
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
        for byte in path.utf8 {
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
