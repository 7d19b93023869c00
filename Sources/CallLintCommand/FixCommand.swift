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

    /// An input read for fixing: its report, and the file to write (for --fix), or why it
    /// will not be written.
    struct Candidate {
        let report: FileReport
        let target: Result<FixTarget, IOFailure>?
    }

    /// Reads and checks an input for fixing: with --fix a file is opened as a FixTarget, so
    /// that what is checked is what was read, and the write goes back to it.
    static func read(_ input: InputCollector.Input, checker: InputChecker, write: Bool) -> Candidate {
        if write, case .standardInput = input {
            // Its text is printed whether or not anything is fixed.
            return Candidate(report: checker.checkWhole(input, keepingSource: true), target: nil)
        }
        guard write, case .file(let path, _) = input else {
            return Candidate(report: checker.checkWhole(input), target: nil)
        }
        switch FixTarget.open(path, limit: InputLimits.maximumBytes) {
        case .success(let target):
            let checked = checker.recheck(target.bytes, of: input)
            let source = checked.diagnostics.isEmpty ? nil : checked.source
            return Candidate(
                report: FileReport(displayName: path, source: source, diagnostics: checked.diagnostics),
                target: .success(target))
        case .failure(let refusal):
            return Candidate(report: checker.checkWhole(input), target: .failure(refusal))
        }
    }

    /// Fixes one input's report (read whole); returns the report as it stands after fixing.
    mutating func fix(
        _ candidate: Candidate, of input: InputCollector.Input, checker: InputChecker, diffs: inout String
    ) -> FileReport {
        let report = candidate.report
        if write, case .standardInput = input {
            return fixStandardInput(report, of: input, checker: checker)
        }
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
        let written: Result<Void, IOFailure>
        switch candidate.target {
        case .success(let target)?: written = target.write(fixed.bytes)
        case .failure(let refusal)?: written = .failure(refusal)
        case nil: written = .failure(IOFailure(message: "it was not opened for writing"))
        }
        if case .failure(let failure) = written {
            console.writeError("call-lint: error: not fixing \(shown(report.displayName)): \(failure.message)\n")
            failedWrites += 1
            return report
        }
        let plural = fixed.appliedFixes == 1 ? "" : "s"
        console.writeError("Fixed \(fixed.appliedFixes) problem\(plural) in \(shown(report.displayName))\n")
        let after = checker.recheck(fixed.bytes, of: input)
        return FileReport(displayName: report.displayName, source: after.source, diagnostics: after.diagnostics)
    }

    /// Prints standard input with its safe fixes applied (as pasted, or as JSON when a fix
    /// cannot be written into the paste); the report is of the text printed.
    mutating func fixStandardInput(
        _ report: FileReport, of input: InputCollector.Input, checker: InputChecker
    )
        -> FileReport
    {
        guard let source = report.source else { return report }
        let linter = checker.linter(for: input.name)
        let format: InputFormat
        switch checker.mode(of: input) {
        case .paste(let pasteFormat): format = pasteFormat
        default: format = .json
        }
        let fixed = PasteFixer.fix(source, format: format, linter: linter)
        console.writeOutput(fixed.bytes)
        if fixed.appliedFixes > 0 {
            changedFiles += 1
            let plural = fixed.appliedFixes == 1 ? "" : "s"
            let form = fixed.printedAsJSON ? " (printed as JSON: a fix could not be written into the paste)" : ""
            console.writeError("Fixed \(fixed.appliedFixes) problem\(plural) in \(shown(report.displayName))\(form)\n")
        }
        let after =
            fixed.printedAsJSON
            ? InputMode.document.driver.check(fixed.bytes, name: input.name, linter: linter)
            : checker.recheck(fixed.bytes, of: input)
        return FileReport(displayName: report.displayName, source: after.source, diagnostics: after.diagnostics)
    }
}
