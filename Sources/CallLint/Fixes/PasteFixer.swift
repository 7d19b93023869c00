/// `--fix` on standard input: the pasted text with its safe fixes applied, in the pasted form
/// (the curl command, the fence, the program) when every safe fix can be written there; else
/// the body as JSON, fixed: the text to send. A program is always printed as itself.
public enum PasteFixer {
    public struct Outcome {
        public let bytes: [UInt8]
        public let appliedFixes: Int
        /// Whether the text printed is the bodies as JSON rather than the paste.
        public let printedAsJSON: Bool
    }

    public static func fix(_ source: SourceText, format: InputFormat, linter: Linter) -> Outcome {
        let log = FixMappingLog()
        _ = linter.check(paste: source, format: format, log: log)
        // Code is printed as code, with the fixes that can be written into it: a body read
        // from a program holds values it computes, which JSON would print as strings.
        guard log.unmappedSafeFixes > 0, case .bodies(let bodies) = linter.reading(of: source, format: format),
            !bodies.contains(where: \.isCode)
        else {
            let fixed = FixApplier.applySafeFixes(to: source.bytes) {
                linter.check(paste: SourceText(name: source.name, bytes: $0), format: format)
            }
            return Outcome(bytes: fixed.bytes, appliedFixes: fixed.appliedFixes, printedAsJSON: false)
        }
        var bytes: [UInt8] = []
        var applied = 0
        for body in bodies where !body.text.bytes.isEmpty {
            let fixed = FixApplier.applySafeFixes(to: body.text.bytes) { json in
                linter.check(document: SourceText(name: source.name, bytes: json))
            }
            bytes += fixed.bytes
            if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
            applied += fixed.appliedFixes
        }
        return Outcome(bytes: bytes, appliedFixes: applied, printedAsJSON: true)
    }
}
