import CallLint

/// Checks one input at a time: decides its mode once (document, NDJSON, `--array`), opens it,
/// and hands it to that mode's driver with the linter for its path. Every route from an input
/// to a report goes through here, whether the run prints, fixes or diffs.
struct InputChecker {
    let settings: LintSettings
    let configuration: Configuration
    let currentDirectory: String
    let forceNDJSON: Bool
    let arrayMode: Bool
    let inputFormat: InputFormat
    let console: Console
    /// The linter for files no per-path ignore applies to: built once, shared by all workers.
    let sharedLinter: Linter

    init(
        settings: LintSettings, configuration: Configuration, currentDirectory: String, forceNDJSON: Bool,
        arrayMode: Bool, inputFormat: InputFormat = .auto, console: Console
    ) {
        self.settings = settings
        self.configuration = configuration
        self.currentDirectory = currentDirectory
        self.forceNDJSON = forceNDJSON
        self.arrayMode = arrayMode
        self.inputFormat = inputFormat
        self.console = console
        sharedLinter = Linter(settings: settings)
    }

    func mode(of input: InputCollector.Input) -> InputMode {
        var isStandardInput = false
        if case .standardInput = input { isStandardInput = true }
        return InputMode.of(
            name: input.name, forceNDJSON: forceNDJSON, array: arrayMode, format: inputFormat,
            isStandardInput: isStandardInput)
    }

    /// Whether the input is checked on one worker, read whole (a document file), rather than
    /// with its bodies spread over the workers.
    func isWholeFile(_ input: InputCollector.Input) -> Bool {
        guard case .file = input else { return false }
        switch mode(of: input) {
        case .document, .paste: return true
        case .ndjson, .array: return false
        }
    }

    /// Checks an input as its driver reads it, handing on a report for each stretch.
    /// - Returns: why the input could not be read, or nil.
    func check(_ input: InputCollector.Input, workers: Int, emit: (FileReport) -> Void) -> String? {
        let name = input.name
        let linter = linter(for: name)
        let driver = mode(of: input).driver
        func report(_ stretch: InputStretch) {
            emit(FileReport(displayName: name, source: stretch.source, diagnostics: stretch.diagnostics))
        }
        switch input {
        case .unreadable(_, let message):
            return message
        case .standardInput:
            var stream = StandardInputStream(console: console)
            return driver.check(&stream, name: name, linter: linter, workers: workers, emit: report)?.message
        case .file(let path, let size):
            switch FileStream.open(path, sizeHint: size) {
            case .failure(let failure):
                return failure.message
            case .success(var stream):
                defer { stream.close() }
                return driver.check(&stream, name: name, linter: linter, workers: workers, emit: report)?.message
            }
        }
    }

    /// Checks an input read whole into one report: what fixing needs, and what a small file
    /// gets on its worker.
    func checkWhole(_ input: InputCollector.Input, keepingSource: Bool = false) -> FileReport {
        var source: SourceText?
        var diagnostics: [Diagnostic] = []
        let readError = check(input, workers: 1) { report in
            source = report.source
            diagnostics += report.diagnostics
        }
        if let readError {
            return FileReport(displayName: input.name, source: nil, diagnostics: [], readError: readError)
        }
        // A clean file's text is not needed again; freeing it here, on the worker that read
        // it, keeps memory low and spares the output thread the work.
        return FileReport(
            displayName: input.name, source: diagnostics.isEmpty && !keepingSource ? nil : source,
            diagnostics: diagnostics)
    }

    /// Checks a changed text again, as its input's driver and linter would (after fixes).
    func recheck(_ bytes: [UInt8], of input: InputCollector.Input) -> InputStretch {
        mode(of: input).driver.check(bytes, name: input.name, linter: linter(for: input.name))
    }

    /// The linter for a path: the shared one, unless the configuration ignores rules there.
    func linter(for path: String) -> Linter {
        configuration.pathIgnores.isEmpty ? sharedLinter : Linter(settings: settings(for: path))
    }

    /// The base settings less the rules the configuration ignores for this path.
    func settings(for path: String) -> LintSettings {
        guard !configuration.pathIgnores.isEmpty else { return settings }
        let absolute = PathUtilities.absolute(path, from: currentDirectory)
        let relative =
            PathUtilities.relative(absolute, to: PathUtilities.normalize(configuration.baseDirectory)) ?? path
        let ignored = configuration.ignoredRules(forRelativePath: relative)
        guard !ignored.isEmpty else { return settings }
        var adjusted = settings
        adjusted.enabledRules = Set(RuleRegistry.ids.filter { settings.isEnabled($0) && !ignored.contains($0) })
        return adjusted
    }
}
