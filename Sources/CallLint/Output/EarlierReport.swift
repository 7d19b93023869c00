/// Whether a file's content is a report that call-lint wrote, in any of its formats: what
/// `--output FORMAT=PATH` may replace even when a folder walk found the file as an input (the
/// CI step that writes `gl-code-quality-report.json` into the folder it checks). Recognised by
/// each format's own structure, strictly: a payload, a schema or an `--array` file of bodies
/// is never taken for one.
public enum EarlierReport {
    public static func recognizes(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count, JSONByte.isWhitespace(bytes[start]) { start += 1 }
        // `-q` text and GitHub annotations of a clean run are empty.
        guard start < bytes.count else { return true }
        switch bytes[start] {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return isJSONReport(bytes)
        case UInt8(ascii: "<"): return isJUnitReport(bytes[start...])
        default: return isLineReport(bytes)
        }
    }

    /// JSON and GitLab: an array of findings, each with the fields that format always writes;
    /// SARIF: an object whose run's tool is call-lint.
    static func isJSONReport(_ bytes: [UInt8]) -> Bool {
        guard case .success(let document) = JSONParser().parse(SourceText(name: "", bytes: bytes)) else {
            return false
        }
        let root = document.root
        if root.kind == .object {
            guard let runs = root.member("runs"), runs.kind == .array, runs.childCount > 0 else { return false }
            return runs.children.allSatisfy {
                $0.member("tool")?.member("driver")?.member("name")?.stringValue == "call-lint"
            }
        }
        guard root.kind == .array else { return false }
        let json = ["file", "rule", "severity", "message", "line", "column"]
        let gitLab = ["description", "check_name", "fingerprint", "severity", "location"]
        return root.children.allSatisfy { finding in
            finding.kind == .object
                && (json.allSatisfy { finding.member($0) != nil } || gitLab.allSatisfy { finding.member($0) != nil })
        }
    }

    static func isJUnitReport(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
        return head.hasPrefix("<?xml") && head.contains("<testsuites name=\"call-lint\"")
    }

    /// Text and GitHub: every line is a finding, a part of an excerpt, a summary or a
    /// workflow command, and at least one is a finding, a summary or a command.
    static func isLineReport(_ bytes: [UInt8]) -> Bool {
        var sawOwnLine = false
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("::") || isFinding(text) || isSummary(text) {
                sawOwnLine = true
            } else if !isExcerpt(text) {
                return false
            }
        }
        return sawOwnLine
    }

    /// `path:line:column: severity: message [rule-id]`.
    static func isFinding(_ line: String) -> Bool {
        guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return false }
        let rule = line[line.index(after: open)..<line.index(before: line.endIndex)]
        guard !rule.isEmpty,
            rule.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else { return false }
        return Severity.allCases.contains { line.contains(": \($0.rawValue): ") }
    }

    static func isSummary(_ line: String) -> Bool {
        ["Found ", "Checked ", "No file checked: "].contains { line.hasPrefix($0) } && line.hasSuffix(".")
    }

    /// `  |`, `12 | …`, `  | ^~~`, `  = help: …`, `  = note: …`.
    static func isExcerpt(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " || $0.isASCII && $0.isNumber }
        return rest.hasPrefix("|") || rest.hasPrefix("= help:") || rest.hasPrefix("= note:")
    }
}
