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
            forceNDJSON: options.ndjson, console: console)
        let reports = checker.check(inputs, jobs: options.jobs)

        for report in reports {
            if let error = report.readError {
                console.writeError("call-lint: error: cannot read \(report.displayName): \(error)\n")
            }
        }
        var finalReports = reports
        var fixTrouble = false
        if options.fix || options.diff {
            let outcome = FixCommand(console: console, write: options.fix).run(reports, checker: checker)
            finalReports = outcome.reports
            fixTrouble = outcome.failedWrites > 0
            if options.diff {
                // Like `ruff --diff`: the diff is the output, and exit 1 says there is one.
                if reports.contains(where: { $0.readError != nil }) { return Self.exitTrouble }
                return outcome.changedFiles > 0 ? Self.exitFindings : Self.exitClean
            }
        }
        printOutput(finalReports, options: options)

        if fixTrouble || reports.contains(where: { $0.readError != nil }) { return Self.exitTrouble }
        let failing = finalReports.contains { $0.diagnostics.contains { $0.severity >= options.failOn } }
        return failing ? Self.exitFindings : Self.exitClean
    }

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

    func printOutput(_ reports: [FileReport], options: CommandLineOptions) {
        let outputOptions = OutputOptions(color: useColor(options), quiet: options.quiet)
        switch options.format {
        case .text:
            if options.diff { break }  // the diff was the output
            console.write(TextFormatter(options: outputOptions).format(reports))
        case .json: console.write(JSONFormatter().format(reports))
        case .sarif: console.write(SARIFFormatter().format(reports))
        case .github: console.write(GitHubFormatter().format(reports))
        case .junit: console.write(JUnitFormatter().format(reports))
        }
        if options.statistics {
            let statistics = Statistics.render(reports)
            if options.format == .text { console.write(statistics) } else { console.writeError(statistics) }
        }
    }
}
