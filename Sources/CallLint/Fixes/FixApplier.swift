/// Applies safe fixes as byte edits on the original text, pass after pass, until a check
/// finds nothing more to fix. A text that does not parse is never changed, and a pass whose
/// result would not parse, or would be no better, is thrown away.
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
            guard let first = edits.fixes.first else { break }
            // All of the pass's fixes at once; if together they make things no better (each
            // alone is tested to), the first alone; if not even that, nothing more.
            var accepted: (bytes: [UInt8], diagnostics: [Diagnostic], fixes: Int)?
            for (fixEdits, count) in [(edits.edits, edits.fixes.count), (first.edits, 1)] {
                let candidate = apply(fixEdits, to: bytes)
                let candidateDiagnostics = check(candidate)
                if isBetter(candidateDiagnostics, than: diagnostics) {
                    accepted = (candidate, candidateDiagnostics, count)
                    break
                }
            }
            guard let accepted else { break }
            bytes = accepted.bytes
            diagnostics = accepted.diagnostics
            applied += accepted.fixes
        }
        return Outcome(bytes: bytes, appliedFixes: applied)
    }

    /// Whether a fixed text is better than the one before: it parses, has fewer errors, and
    /// has no more errors of any rule than before (a fix never adds a duplicate key or a
    /// second call target).
    static func isBetter(_ after: [Diagnostic], than before: [Diagnostic]) -> Bool {
        func errors(_ diagnostics: [Diagnostic]) -> [String: Int] {
            diagnostics.filter { $0.severity == .error }.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
        }
        let (old, new) = (errors(before), errors(after))
        guard new[InvalidJSONRule.id] == nil, !new.contains(where: { $0.value > old[$0.key, default: 0] }) else {
            return false
        }
        return new.values.reduce(0, +) < old.values.reduce(0, +) || after.count < before.count
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
