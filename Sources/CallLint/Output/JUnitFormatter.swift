#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--format junit`: one test case per file, a failure per finding, for CI systems that
/// show JUnit reports. Unreadable files are errors.
///
/// JUnit states its counts before its cases, so the cases are written to a spool (an unnamed
/// temporary file) as findings arrive and copied out after the counts: memory stays flat
/// however many findings there are. A file's reports arrive one after another (a stream in
/// stretches), so its case is opened at its first finding and closed when the next file begins.
public final class JUnitFormatter: ReportWriter {
    public init() {}

    deinit { if let spool { fclose(spool) } }

    private var spool: UnsafeMutablePointer<FILE>? = tmpfile()
    /// Where the spool is not available (no temporary folder), the cases are kept here.
    private var memory = OutputBuffer()
    private var currentFile: String?
    private var currentIsOpen = false
    private var files = 0
    private var failingFiles = 0
    private var unreadableFiles = 0
    /// Set when the spool could not be written or read back: the cases written are not all.
    public private(set) var failure: String?

    public func begin(into output: OutputBuffer) {}

    public func write(_ report: FileReport, into output: OutputBuffer) {
        let name = report.displayName
        if name != currentFile {
            closeCurrent()
            currentFile = name
            files += 1
        }
        if let readError = report.readError {
            openCurrent()
            unreadableFiles += 1
            spoolText("      <error message=\(Self.attribute(ReadFailure.message(readError)))/>\n")
        }
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            if !currentIsOpen { failingFiles += 1 }
            openCurrent()
            // The pieces from the input are made visible one by one; the one line break is ours.
            let text =
                "\(VisibleText.escaped(name)):\(located.start.line):\(located.start.column): "
                + "\(diagnostic.severity.rawValue): \(VisibleText.escaped(diagnostic.message))"
                + (diagnostic.help.map { "\nhelp: " + VisibleText.escaped($0) } ?? "")
            spoolText(
                "      <failure type=\(Self.attribute(diagnostic.ruleID)) "
                    + "message=\(Self.attribute(diagnostic.message))>\(Self.escape(text))</failure>\n")
        }
    }

    public func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        closeCurrent()
        let counts = "tests=\"\(files)\" failures=\"\(failingFiles)\" errors=\"\(unreadableFiles)\""
        output.append(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="call-lint" \(counts)>
              <testsuite name="call-lint" \(counts)>

            """)
        if let spool {
            if fflush(spool) != 0 || ferror(spool) != 0 { spoolFailed() }
            rewind(spool)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, spool) }
                guard count > 0 else { break }
                chunk.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[..<count])) }
                output.pieceEnded()
            }
            if ferror(spool) != 0 { spoolFailed() }
        } else {
            output.append(memory.text)
        }
        output.append("  </testsuite>\n</testsuites>\n")
    }

    private func openCurrent() {
        guard !currentIsOpen, let name = currentFile else { return }
        currentIsOpen = true
        spoolText("    <testcase classname=\"call-lint\" name=\(Self.attribute(name))>\n")
    }

    private func closeCurrent() {
        guard let name = currentFile else { return }
        if currentIsOpen {
            spoolText("    </testcase>\n")
        } else {
            spoolText("    <testcase classname=\"call-lint\" name=\(Self.attribute(name))/>\n")
        }
        currentFile = nil
        currentIsOpen = false
    }

    private func spoolText(_ text: String) {
        guard let spool else { return memory.append(text) }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, spool) }
        if written < text.utf8.count { spoolFailed() }
    }

    private func spoolFailed() {
        guard failure == nil else { return }
        failure = "cannot write the test cases to a temporary file: " + String(cString: strerror(errno))
    }

    /// XML's special characters as entities. The text must already be visible (its pieces
    /// from the input passed through VisibleText): the line breaks left are call-lint's own.
    static func escape(_ text: String) -> String {
        // Printable ASCII without XML's special characters, nearly every message: as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 }) {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An attribute value, quoted: one line, every control character from the input visible.
    static func attribute(_ text: String) -> String {
        "\"" + escape(VisibleText.escaped(text)) + "\""
    }
}
