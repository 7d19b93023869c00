/// Applies safe fixes as byte edits on the original text, pass after pass, until a check
/// finds nothing more to fix. A text that does not parse is never changed, and a pass whose
/// result would not parse is thrown away.
public enum FixApplier {
    public static let maximumPasses = 10

    public struct Outcome {
        public let bytes: [UInt8]
        public let appliedFixes: Int
    }

    /// - Parameter check: lints a text; the same settings the diagnostics came from.
    public static func applySafeFixes(to original: [UInt8], check: ([UInt8]) -> [Diagnostic]) -> Outcome {
        var bytes = original
        var applied = 0
        var diagnostics = check(bytes)
        for _ in 0..<maximumPasses {
            guard !diagnostics.contains(where: { $0.ruleID == InvalidJSONRule.id }) else { break }
            let edits = nonOverlappingEdits(diagnostics.compactMap { $0.fix }.filter { $0.applicability == .safe })
            guard !edits.fixes.isEmpty else { break }
            let candidate = apply(edits.edits, to: bytes)
            let candidateDiagnostics = check(candidate)
            guard !candidateDiagnostics.contains(where: { $0.ruleID == InvalidJSONRule.id }) else { break }
            bytes = candidate
            diagnostics = candidateDiagnostics
            applied += edits.fixes.count
        }
        return Outcome(bytes: bytes, appliedFixes: applied)
    }

    /// Fixes whose edits touch none of an earlier fix's edits; the rest wait for the next pass.
    static func nonOverlappingEdits(_ fixes: [Fix]) -> (fixes: [Fix], edits: [TextEdit]) {
        var taken: [TextEdit] = []
        var accepted: [Fix] = []
        for fix in fixes {
            let clashes = fix.edits.contains { edit in
                taken.contains { other in
                    edit.range.lowerBound < other.range.upperBound && other.range.lowerBound < edit.range.upperBound
                        || edit.range.lowerBound == other.range.lowerBound
                }
            }
            guard !clashes else { continue }
            taken += fix.edits
            accepted.append(fix)
        }
        return (accepted, taken)
    }

    /// Applies non-overlapping edits.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return result
    }
}
