#if canImport(Glibc)
import Glibc
#endif
import CallLint

/// Reads and checks inputs, spreading files over the cores. Each file is read, parsed and
/// checked by one worker; results land in their input's slot, so output order does not
/// depend on scheduling.
struct FileChecker {
    let settings: LintSettings
    let configuration: Configuration
    let currentDirectory: String
    let forceNDJSON: Bool
    let console: Console
    let arrayMode: Bool
    /// The linter for files no per-path ignore applies to: built once, shared by all workers.
    let sharedLinter: Linter

    init(
        settings: LintSettings, configuration: Configuration, currentDirectory: String, forceNDJSON: Bool, console: Console,
        arrayMode: Bool
    ) {
        self.settings = settings
        self.configuration = configuration
        self.currentDirectory = currentDirectory
        self.forceNDJSON = forceNDJSON
        self.console = console
        self.arrayMode = arrayMode
        sharedLinter = Linter(settings: settings)
    }

    /// The linter for a path: the shared one, unless the configuration ignores rules there.
    func linter(for path: String) -> Linter {
        configuration.pathIgnores.isEmpty ? sharedLinter : Linter(settings: settings(for: path))
    }

    /// Checks inputs in parallel; reports come back in input order.
    func check(_ inputs: [InputCollector.Input], jobs: Int?) -> [FileReport] {
        // Standard input is read here, once, before any worker starts.
        var standardInput: Result<[UInt8], FileSystemFailure>?
        if inputs.contains(where: { if case .standardInput = $0 { return true } else { return false } }) {
            standardInput = console.readAllStandardInput()
        }
        return ParallelMap.map(inputs.count, workers: jobs ?? ParallelMap.processorCount) { index in
            check(inputs[index], standardInput: standardInput)
        }
    }

    func isNDJSON(_ input: InputCollector.Input) -> Bool {
        switch input {
        case .file(let path, _): return forceNDJSON || Self.hasNDJSONExtension(path)
        case .standardInput(let name): return forceNDJSON || Self.hasNDJSONExtension(name)
        case .unreadable: return false
        }
    }

    static func hasNDJSONExtension(_ path: String) -> Bool { path.hasSuffix(".ndjson") || path.hasSuffix(".jsonl") }

    func check(_ input: InputCollector.Input, standardInput: Result<[UInt8], FileSystemFailure>?) -> FileReport {
        switch input {
        case .unreadable(let path, let message):
            return FileReport(displayName: path, source: nil, diagnostics: [], readError: message)
        case .standardInput(let name):
            switch standardInput {
            case .success(let bytes)?:
                return lint(SourceText(name: name, bytes: bytes), path: name)
            case .failure(let failure)?:
                return FileReport(displayName: name, source: nil, diagnostics: [], readError: "standard input: " + failure.message)
            case nil:
                return FileReport(displayName: name, source: nil, diagnostics: [], readError: "standard input was not read")
            }
        case .file(let path, let size):
            switch FileSystem.readFile(path, sizeHint: size) {
            case .failure(let failure):
                return FileReport(displayName: path, source: nil, diagnostics: [], readError: failure.message)
            case .success(let bytes):
                return lint(SourceText(name: path, bytes: bytes), path: path)
            }
        }
    }

    func lint(_ source: SourceText, path: String) -> FileReport {
        let linter = linter(for: path)
        let ndjson = forceNDJSON || Self.hasNDJSONExtension(path)
        let diagnostics =
            ndjson ? NDJSONLinter(linter: linter).lint(source) : arrayMode ? linter.lintBatch(source) : linter.lint(source)
        // A clean file's text is not needed again; freeing it here, on the worker that read
        // it, keeps memory low and spares the output thread the work.
        return FileReport(displayName: path, source: diagnostics.isEmpty ? nil : source, diagnostics: diagnostics)
    }

    /// The base settings less the rules the configuration ignores for this path.
    func settings(for path: String) -> LintSettings {
        guard !configuration.pathIgnores.isEmpty else { return settings }
        let absolute = PathUtilities.absolute(path, from: currentDirectory)
        let relative = PathUtilities.relative(absolute, to: PathUtilities.normalize(configuration.baseDirectory)) ?? path
        let ignored = configuration.ignoredRules(forRelativePath: relative)
        guard !ignored.isEmpty else { return settings }
        var adjusted = settings
        adjusted.enabledRules = Set(RuleCatalog.ruleIDs.filter { settings.isEnabled($0) && !ignored.contains($0) })
        return adjusted
    }

    /// Checks a changed text again with the same settings (after fixes).
    func relint(_ report: FileReport, bytes: [UInt8]) -> FileReport {
        lint(SourceText(name: report.displayName, bytes: bytes), path: report.displayName)
    }
}
