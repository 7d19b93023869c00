import CallLint
import Dispatch

/// The `call-lint` command: reads options, finds inputs, checks them in parallel, prints the
/// chosen format, and returns the exit status.
public struct CallLintCommand {
    public static let exitClean: Int32 = 0
    public static let exitFindings: Int32 = 1
    public static let exitTrouble: Int32 = 2

    let console: Console

    public init(console: Console) {
        self.console = console
    }

    public func run(_ arguments: [String]) -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments)
        } catch {
            return usageError(error.message)
        }
        if options.help {
            console.write(HelpText.usage)
            return Self.exitClean
        }
        if options.version {
            console.write(HelpText.version + "\n")
            return Self.exitClean
        }
        if options.listRules {
            console.write(RuleListing.list())
            return Self.exitClean
        }
        if let rule = options.explain {
            guard let document = RuleCatalog.shared.document(rule) else {
                return usageError(CommandLineOptions.unknownRuleMessage(rule, context: "--explain"))
            }
            console.write(document.text.hasSuffix("\n") ? document.text : document.text + "\n")
            return Self.exitClean
        }

        let configuration: Configuration
        switch ConfigurationLocator.load(options: options, console: console) {
        case .failure(let message):
            console.writeError("call-lint: error: \(message)\n")
            return Self.exitTrouble
        case .success(let loaded):
            configuration = loaded
        }
        let baseSettings: LintSettings
        do {
            baseSettings = try Self.settings(configuration: configuration, options: options)
        } catch {
            console.writeError("call-lint: error: \(error)\n")
            return Self.exitTrouble
        }

        let stdinName = options.stdinFilename ?? "<stdin>"
        let paths = options.paths.isEmpty ? ["-"] : options.paths
        if options.fix, paths.contains("-") {
            return usageError("--fix writes files in place and cannot write standard input; use --diff to see the fixes")
        }
        if paths.contains("-"), console.standardInputIsTerminal, options.paths.isEmpty {
            console.writeError("call-lint: reading a request body from standard input; end it with Ctrl-D (see --help)\n")
        }
        let inputs = InputCollector.collect(paths, stdinName: stdinName)
        let checker = FileChecker(
            settings: baseSettings, configuration: configuration, currentDirectory: console.currentDirectory,
            forceNDJSON: options.ndjson, console: console, arrayMode: options.array)
        return check(inputs, checker: checker, options: options)
    }

    /// Checks the inputs in order and writes the output as it goes: files in parallel batches
    /// of bounded size, NDJSON streams block by block.
    func check(_ inputs: [InputCollector.Input], checker: FileChecker, options: CommandLineOptions) -> Int32 {
        let fixing = options.fix || options.diff
        let workers = options.jobs ?? ParallelMap.processorCount
        var writer: any ReportWriter = options.format.makeWriter(options: OutputOptions(color: useColor(options), quiet: options.quiet))
        // With --diff the diff is the output.
        let printsReports = !options.diff
        if printsReports { console.write(writer.begin()) }
        var totals = ReportTotals()
        var fixTrouble = false
        var changedFiles = 0

        func emit(_ report: FileReport) {
            if let error = report.readError {
                console.writeError("call-lint: error: cannot read \(report.displayName): \(error)\n")
            }
            totals.addDiagnostics(report.diagnostics)
            if printsReports { console.write(writer.write(report)) }
        }
        // Output and totals are written on the pipeline's thread, in order, while the next
        // block is checked; fixing stays in line, since it rewrites the files it reports on.
        let pipeline = OutputPipeline()
        func inOrder(_ work: @escaping () -> Void) {
            if fixing { work() } else { pipeline.submit(work) }
        }

        var index = 0
        while index < inputs.count {
            if !fixing, checker.isNDJSON(inputs[index]) {
                var hadFindings = false
                var readError: String?
                let streamer = NDJSONStreamer(checker: checker, workers: workers)
                let emitBlock: ([FileReport]) -> Void = { reports in
                    hadFindings = hadFindings || reports.contains { !$0.diagnostics.isEmpty }
                    inOrder { reports.forEach(emit) }
                }
                func emitError(_ name: String, _ message: String) {
                    inOrder { emit(FileReport(displayName: name, source: nil, diagnostics: [], readError: message)) }
                }
                switch inputs[index] {
                case .file(let path, _):
                    switch FileSystem.openForReading(path) {
                    case .failure(let failure):
                        readError = failure.message
                        emitError(path, failure.message)
                    case .success(let descriptor):
                        defer { FileSystem.closeDescriptor(descriptor) }
                        readError = streamer.stream(
                            name: path, read: { FileSystem.readChunk(descriptor: descriptor, count: $0).mapError { FileSystemFailure(message: $0.message) } },
                            emit: emitBlock)
                        if let readError { emitError(path, readError) }
                    }
                case .standardInput(let name):
                    readError = streamer.stream(name: name, read: console.readStandardInput, emit: emitBlock)
                    if let readError { emitError(name, "standard input: " + readError) }
                case .unreadable:
                    break
                }
                let (findings, unreadable) = (hadFindings, readError != nil)
                inOrder { totals.addFile(hadFindings: findings, unreadable: unreadable) }
                index += 1
                continue
            }
            if !fixing, checker.arrayMode, case .file(let path, let size) = inputs[index] {
                // One large array: elements parsed a block at a time, checked in parallel.
                var hadFindings = false
                switch FileSystem.readFile(path, sizeHint: size) {
                case .failure(let failure):
                    inOrder {
                        emit(FileReport(displayName: path, source: nil, diagnostics: [], readError: failure.message))
                        totals.addFile(hadFindings: false, unreadable: true)
                    }
                case .success(let bytes):
                    let source = SourceText(name: path, bytes: bytes)
                    let linter = checker.linter(for: path)
                    ArrayBatchLinter(linter: linter).lint(
                        source, map: { count, body in ParallelMap.map(count, workers: workers, body) },
                        emit: { diagnostics in
                            guard !diagnostics.isEmpty else { return }
                            hadFindings = true
                            inOrder { emit(FileReport(displayName: path, source: source, diagnostics: diagnostics)) }
                        })
                    let findings = hadFindings
                    inOrder { totals.addFile(hadFindings: findings, unreadable: false) }
                }
                index += 1
                continue
            }
            // A batch: consecutive whole-file inputs, bounded so memory stays bounded.
            var end = index + 1
            while end < inputs.count, end - index < Self.batchSize, fixing || !(checker.isNDJSON(inputs[end]) || checker.arrayMode) {
                end += 1
            }
            var reports = checker.check(Array(inputs[index..<end]), jobs: options.jobs)
            if fixing {
                let outcome = FixCommand(console: console, write: options.fix).run(reports, checker: checker)
                reports = outcome.reports
                fixTrouble = fixTrouble || outcome.failedWrites > 0
                changedFiles += outcome.changedFiles
            }
            let batch = reports
            inOrder {
                for report in batch {
                    emit(report)
                    totals.addFile(hadFindings: !report.diagnostics.isEmpty, unreadable: report.readError != nil)
                }
            }
            index = end
        }
        pipeline.drain()
        if printsReports { console.write(writer.finish(totals)) }
        if options.statistics {
            let statistics = Statistics.render(totals)
            if options.format == .text { console.write(statistics) } else { console.writeError(statistics) }
        }
        if fixTrouble || totals.unreadable > 0 { return Self.exitTrouble }
        if options.diff {
            // Like `ruff --diff`: exit 1 says there are fixes to apply.
            return changedFiles > 0 ? Self.exitFindings : Self.exitClean
        }
        return totals.hasFindings(atLeast: options.failOn) ? Self.exitFindings : Self.exitClean
    }

    /// Files checked together before their output is written.
    static let batchSize = 1024

    func usageError(_ message: String) -> Int32 {
        console.writeError("call-lint: error: \(message)\nRun 'call-lint --help' for usage.\n")
        return Self.exitTrouble
    }

    static func settings(configuration: Configuration, options: CommandLineOptions) throws -> LintSettings {
        var settings = try configuration.settings()
        var enabled = Set(RuleCatalog.ruleIDs.filter { settings.isEnabled($0) })
        if !options.select.isEmpty { enabled = Set(options.select) }
        enabled.subtract(options.ignore)
        settings.enabledRules = enabled
        settings.severityOverrides.merge(options.severityOverrides) { _, flag in flag }
        if let region = options.defaultRegion { settings.defaultRegion = region }
        return settings
    }

    func useColor(_ options: CommandLineOptions) -> Bool {
        switch options.color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = console.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return console.standardOutputIsTerminal && !noColor && console.environment["TERM"] != "dumb"
        }
    }
}
