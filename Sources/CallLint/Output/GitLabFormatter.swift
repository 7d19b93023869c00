/// `--format gitlab`: GitLab Code Quality, a JSON array of issues that merge requests show
/// inline. The fingerprint names the finding, not where it is: the file, the rule and the JSON
/// Pointer of the value, so that a finding keeps its fingerprint when lines move above it and
/// GitLab does not report it as fixed and new again.
public struct GitLabFormatter: ReportWriter {
    public init() {}

    var written = 0

    public mutating func begin(into output: OutputBuffer) { output.append("[" as StaticString) }

    public mutating func write(_ report: FileReport, into output: OutputBuffer) {
        let path = JSONString.quoted(FileName.displayed(report.displayName))
        if let readError = report.readError {
            // An input that could not be read is an issue of its own, so the merge request
            // shows that it was not checked.
            output.append(written == 0 ? "\n  " : ",\n  ")
            output.append("{\"description\": " as StaticString)
            output.append(jsonString: ReadFailure.message(readError))
            output.append(", \"check_name\": \"\(ReadFailure.ruleID)\", \"fingerprint\": \"")
            output.append(Self.fingerprint(file: report.displayName, rule: ReadFailure.ruleID, pointer: ""))
            output.append("\", \"severity\": \"blocker\", \"location\": {\"path\": ")
            output.append(path)
            output.append(", \"lines\": {\"begin\": 1, \"end\": 1}}}" as StaticString)
            output.pieceEnded()
            written += 1
        }
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            var description = diagnostic.message
            if let help = diagnostic.help { description += "; " + help }
            output.append(written == 0 ? "\n  " : ",\n  ")
            output.append("{\"description\": " as StaticString)
            output.append(jsonString: description)
            output.append(", \"check_name\": \"" as StaticString)
            output.append(diagnostic.ruleID)
            output.append("\", \"fingerprint\": \"" as StaticString)
            output.append(
                Self.fingerprint(file: report.displayName, rule: diagnostic.ruleID, pointer: diagnostic.pointer))
            output.append("\", \"severity\": \"" as StaticString)
            output.append(Self.severity(diagnostic.severity))
            output.append("\", \"location\": {\"path\": " as StaticString)
            output.append(path)
            output.append(", \"lines\": {\"begin\": " as StaticString)
            output.append(decimal: located.start.line)
            output.append(", \"end\": " as StaticString)
            output.append(decimal: located.end.line)
            output.append("}}}" as StaticString)
            output.pieceEnded()
            written += 1
        }
    }

    public mutating func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        output.append(written == 0 ? "]\n" : "\n]\n")
    }

    /// GitLab's levels: info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: return "major"
        case .warning: return "minor"
        case .info: return "info"
        }
    }

    /// 128 bits of FNV-1a over file, rule and pointer (two 64-bit lanes with different
    /// offsets), as 32 hex digits: the same finding gets the same fingerprint on every run.
    static func fingerprint(file: String, rule: String, pointer: String) -> String {
        var lanes: (UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x6C62_272E_07BB_0142)
        for part in [file, rule, pointer] {
            for byte in part.utf8 + [0] {
                lanes.0 = (lanes.0 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                lanes.1 = (lanes.1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
            }
        }
        return hex64(lanes.0) + hex64(lanes.1)
    }

    static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
