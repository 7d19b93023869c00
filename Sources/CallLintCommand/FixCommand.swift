import CallLint

/// `--fix` and `--diff`: applies the safe fixes to each file's text. `--fix` writes changed
/// files atomically; `--diff` adds what it would write to the run's diff. Files that do not
/// parse are left alone.
struct FixCommand {
    let console: Console
    /// True for --fix, false for --diff.
    let write: Bool
    var changedFiles = 0
    var failedWrites = 0

    init(console: Console, write: Bool) {
        self.console = console
        self.write = write
    }

    /// Fixes one input's report (read whole); returns the report as it stands after fixing.
    mutating func fix(
        _ report: FileReport, of input: InputCollector.Input, checker: InputChecker, diffs: inout String
    ) -> FileReport {
        guard let source = report.source, report.diagnostics.contains(where: { $0.fix?.applicability == .safe }) else {
            return report
        }
        let fixed = FixApplier.applySafeFixes(to: source.bytes) { checker.recheck($0, of: input).diagnostics }
        guard fixed.bytes != source.bytes else { return report }
        changedFiles += 1
        if !write {
            diffs += UnifiedDiff.render(original: source.bytes, fixed: fixed.bytes, path: report.displayName)
            return report
        }
        if case .failure(let failure) = FileSystem.writeAtomically(fixed.bytes, to: report.displayName) {
            console.writeError("call-lint: error: cannot write \(report.displayName): \(failure.message)\n")
            failedWrites += 1
            return report
        }
        let plural = fixed.appliedFixes == 1 ? "" : "s"
        console.writeError("Fixed \(fixed.appliedFixes) problem\(plural) in \(report.displayName)\n")
        let after = checker.recheck(fixed.bytes, of: input)
        return FileReport(displayName: report.displayName, source: after.source, diagnostics: after.diagnostics)
    }
}
