import CallLint
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        switch arguments.first {
        case "server":
            // `--stdio` is what clients built on vscode-languageclient add; standard I/O is the only transport.
            guard arguments.dropFirst().allSatisfy({ $0 == "--stdio" }) else {
                return usageError(
                    "call-lint server takes no arguments but --stdio (it speaks on standard input and output)")
            }
            return LanguageServer(console: console).run()
        case "schema":
            return schema(Array(arguments.dropFirst()))
        default: break
        }
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
        case .success(let loaded, let path):
            configuration = loaded
            if options.showConfig {
                console.write(path.map { "configuration: \(shown($0))\n" } ?? "configuration: none (defaults)\n")
                return Self.exitClean
            }
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
        if paths.contains("-"), console.standardInputIsTerminal, options.paths.isEmpty {
            console.writeError(
                "call-lint: reading a request body from standard input; end it with Ctrl-D (see --help)\n")
        }
        var inputs = InputCollector.collect(
            paths, stdinName: stdinName,
            filter: WalkFilter(configuration: configuration, currentDirectory: console.currentDirectory))
        // One file reached by two paths (`--fix . a.json`, a link beside its target) is one
        // input; a report never replaces an input. Both need each file's identity: a stat per
        // file, spared a plain check of one folder or file.
        if paths.count > 1 || options.fix || options.diff || !options.outputs.isEmpty {
            let identified = InputCollector.removingRepeats(inputs)
            inputs = identified.inputs
            if !options.outputs.isEmpty {
                switch ReportTarget.check(options.outputs, inputs: inputs, identities: identified.identities) {
                case .failure(let refusal):
                    console.writeError("call-lint: error: \(refusal.message)\n")
                    return Self.exitTrouble
                case .success(let kept): inputs = kept
                }
            }
        }
        let checker = InputChecker(
            settings: baseSettings, configuration: configuration, currentDirectory: console.currentDirectory,
            forceNDJSON: options.ndjson, arrayMode: options.array, inputFormat: options.inputFormat,
            console: console)
        return check(inputs, checker: checker, options: options)
    }

    /// Checks the inputs in order and writes the output as it goes. Small document files are
    /// checked in parallel batches, one file to a worker; an NDJSON stream, an `--array` file
    /// or standard input has its bodies spread over the workers. Fixing reads every input whole,
    /// since it rewrites the text it reports on.
    func check(_ inputs: [InputCollector.Input], checker: InputChecker, options: CommandLineOptions) -> Int32 {
        let fixing = options.fix || options.diff
        let workers = options.jobs ?? ParallelMap.processorCount
        // `--fix` on standard input prints the fixed text: the report goes to standard error,
        // which lets no control character through, so it is never coloured.
        let fixesStandardInput =
            options.fix && inputs.contains { if case .standardInput = $0 { return true } else { return false } }
        var writer: any ReportWriter = options.format.makeWriter(
            options: OutputOptions(color: useColor(options) && !fixesStandardInput, quiet: options.quiet))
        // With --diff the diff is the output.
        let printsReports = !options.diff
        // One buffer, used on the pipeline's thread only, written out in pieces as it fills.
        let output = OutputBuffer(sink: {
            if fixesStandardInput {
                console.writeError(String(decoding: $0, as: UTF8.self))
            } else {
                console.writeOutput(Array($0))
            }
        })
        func writeOutput(_ render: (OutputBuffer) -> Void) {
            render(output)
            output.flush()
        }
        // The report files first: one that cannot be written stops the run before any output.
        var reportFiles: [ReportFile] = []
        for (format, path) in options.outputs {
            switch ReportFile.create(format, at: path) {
            case .failure(let failure): return usageError("cannot write \(shown(path)): \(failure.message)")
            case .success(let file):
                file.begin()
                reportFiles.append(file)
            }
        }
        if printsReports { writeOutput { writer.begin(into: $0) } }
        var totals = ReportTotals()
        var fixer = fixing ? FixCommand(console: console, write: options.fix) : nil

        // Output and totals are written on the pipeline's thread, in order, while the next
        // block is checked.
        let pipeline = OutputPipeline()
        // Reports are written into the buffer, which goes out when it fills (OutputBuffer.pieceEnded)
        // and when a block handed to the pipeline is done: a write per file with findings was a
        // system call each (3,024 for 10,000 small files, 20 now).
        func write(_ report: FileReport) {
            if let error = report.readError {
                // What is buffered goes first, so the two streams keep their order in a terminal.
                output.flush()
                console.writeError("call-lint: error: cannot read \(shown(report.displayName)): \(error)\n")
            }
            totals.addDiagnostics(report.diagnostics)
            if printsReports { writer.write(report, into: output) }
            for file in reportFiles { file.write(report) }
        }

        var index = 0
        // A failed standard output ends the run, the rest could not be reported, unless it is
        // fixing files: what it was asked to write, it writes.
        while index < inputs.count, fixer != nil || !console.outputState.isClosed {
            if fixer == nil, !checker.isWholeFile(inputs[index]) {
                // One input whose bodies are spread over the workers: stretches with findings are
                // written as they come; a clean file is one empty report.
                let input = inputs[index]
                var hadFindings = false
                let readError = checker.check(input, workers: workers) { report in
                    guard !report.diagnostics.isEmpty else { return }
                    hadFindings = true
                    pipeline.submit {
                        write(report)
                        output.flush()
                    }
                }
                let findings = hadFindings
                pipeline.submit {
                    if readError != nil || !findings {
                        write(FileReport(displayName: input.name, source: nil, diagnostics: [], readError: readError))
                        output.flush()
                    }
                    totals.addFile(hadFindings: findings, unreadable: readError != nil)
                }
                index += 1
                continue
            }
            // A batch: consecutive inputs read whole, bounded so memory stays bounded.
            var end = index + 1
            // Fixing holds each file's folder open until it is written: smaller batches.
            let batchSize = fixer == nil ? Self.batchSize : Self.fixBatchSize
            while end < inputs.count, end - index < batchSize, fixer != nil || checker.isWholeFile(inputs[end]) {
                end += 1
            }
            let batch = Array(inputs[index..<end])
            var reports: [FileReport]
            var diffs = ""
            if var active = fixer {
                // In line, not on the pipeline: fixing rewrites the files it reports on.
                let candidates = ParallelMap.map(batch.count, workers: workers) {
                    FixCommand.read(batch[$0], checker: checker, write: options.fix)
                }
                reports = zip(batch, candidates).map { active.fix($0.1, of: $0.0, checker: checker, diffs: &diffs) }
                fixer = active
            } else {
                reports = ParallelMap.map(batch.count, workers: workers) { checker.checkWhole(batch[$0]) }
            }
            let written = reports
            let diff = diffs
            pipeline.submit {
                for report in written {
                    write(report)
                    totals.addFile(hadFindings: !report.diagnostics.isEmpty, unreadable: report.readError != nil)
                }
                output.flush()
                if !diff.isEmpty { console.write(diff) }
            }
            index = end
        }
        pipeline.drain()
        if printsReports { writeOutput { writer.finish(totals, into: $0) } }
        var reportFileFailed = false
        if printsReports, let incomplete = writer.failure {
            console.writeError("call-lint: error: the report on standard output is not whole: \(incomplete)\n")
            reportFileFailed = true
        }
        for file in reportFiles {
            if let failure = file.finish(totals) {
                console.writeError("call-lint: error: cannot write \(shown(file.path)): \(failure.message)\n")
                reportFileFailed = true
            }
        }
        if options.statistics {
            let statistics = Statistics.render(totals)
            if options.format == .text { console.write(statistics) } else { console.writeError(statistics) }
        }
        if (fixer?.failedWrites ?? 0) > 0 || totals.unreadable > 0 || reportFileFailed { return Self.exitTrouble }
        if let failure = console.outputState.failure {
            // A closed pipe (`| head`) needs no message; the status still may not say "clean"
            // over inputs that were never checked.
            if let message = console.outputState.message {
                console.writeError("call-lint: error: cannot write standard output: \(message)\n")
                return Self.exitTrouble
            }
            if failure == EPIPE, index < inputs.count { return Self.exitTrouble }
        }
        if options.diff {
            // Like `ruff --diff`: exit 1 says there are fixes to apply.
            return (fixer?.changedFiles ?? 0) > 0 ? Self.exitFindings : Self.exitClean
        }
        return totals.hasFindings(atLeast: options.failOn) ? Self.exitFindings : Self.exitClean
    }

    /// Files checked together before their output is written.
    static let batchSize = 1024
    static let fixBatchSize = 64

    /// `call-lint schema request|config`: a JSON Schema on standard output.
    func schema(_ arguments: [String]) -> Int32 {
        let text: String
        switch arguments {
        case ["request"]: text = JSONSchemas.requestBody
        case ["config"]: text = JSONSchemas.configuration
        default: return usageError("call-lint schema takes one argument: request or config")
        }
        console.write(text)
        return Self.exitClean
    }

    func usageError(_ message: String) -> Int32 {
        console.writeError("call-lint: error: \(message)\nRun 'call-lint --help' for usage.\n")
        return Self.exitTrouble
    }

    static func settings(configuration: Configuration, options: CommandLineOptions) throws -> LintSettings {
        var settings = try configuration.settings()
        var enabled = Set(RuleRegistry.ids.filter { settings.isEnabled($0) })
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
