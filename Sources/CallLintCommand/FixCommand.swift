import CallLint

/// `--fix` and `--diff`: applies the safe fixes to each file's text. `--fix` writes changed
/// files atomically; `--diff` prints what it would write. Files that do not parse are left
/// alone. Returns the reports as they stand after fixing.
struct FixCommand {
    let console: Console
    /// True for --fix, false for --diff.
    let write: Bool

    struct Outcome {
        var reports: [FileReport]
        var changedFiles: Int
        var failedWrites: Int
    }

    func run(_ reports: [FileReport], checker: FileChecker) -> Outcome {
        var outcome = Outcome(reports: [], changedFiles: 0, failedWrites: 0)
        var diffs = ""
        for report in reports {
            guard let source = report.source, report.diagnostics.contains(where: { $0.fix?.applicability == .safe }) else {
                outcome.reports.append(report)
                continue
            }
            let fixed = FixApplier.applySafeFixes(to: source.bytes) { checker.relint(report, bytes: $0).diagnostics }
            guard fixed.bytes != source.bytes else {
                outcome.reports.append(report)
                continue
            }
            outcome.changedFiles += 1
            if !write {
                diffs += UnifiedDiff.render(original: source.bytes, fixed: fixed.bytes, path: report.displayName)
                outcome.reports.append(report)
                continue
            }
            if case .failure(let failure) = FileSystem.writeAtomically(fixed.bytes, to: report.displayName) {
                console.writeError("call-lint: error: cannot write \(report.displayName): \(failure.message)\n")
                outcome.failedWrites += 1
                outcome.reports.append(report)
                continue
            }
            console.writeError("Fixed \(fixed.appliedFixes) problem\(fixed.appliedFixes == 1 ? "" : "s") in \(report.displayName)\n")
            outcome.reports.append(checker.relint(report, bytes: fixed.bytes))
        }
        if !write, !diffs.isEmpty { console.write(diffs) }
        return outcome
    }
}
