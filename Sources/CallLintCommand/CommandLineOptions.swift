import CallLint

/// Everything the command line can say, parsed.
struct CommandLineOptions {
    enum ColorChoice: String { case auto, always, never }

    var paths: [String] = []
    var format: OutputFormat = .text
    /// Reports written to files beside the printed one: `--output FORMAT=PATH`.
    var outputs: [(format: OutputFormat, path: String)] = []
    var color: ColorChoice = .auto
    var stdinFilename: String?
    var explain: String?
    var listRules = false
    var help = false
    var version = false
    var configPath: String?
    var isolated = false
    var showConfig = false
    var select: [String] = []
    var ignore: [String] = []
    var severityOverrides: [String: Severity] = [:]
    var failOn: Severity = .error
    var fix = false
    var diff = false
    var quiet = false
    var statistics = false
    var ndjson = false
    var array = false
    var inputFormat: InputFormat = .auto
    var jobs: Int?
    var defaultRegion: String?

    struct UsageError: Error {
        let message: String
    }

    /// Options that take a value, for `--name value` and `--name=value`.
    static let valued: Set<String> = [
        "--format", "--color", "--stdin-filename", "--explain", "--config", "--select", "--ignore", "--severity",
        "--fail-on", "--jobs", "--default-region", "--output", "--input-format",
    ]
    static let flags: Set<String> = [
        "--help", "-h", "--version", "--list-rules", "--fix", "--diff", "--quiet", "-q", "--statistics", "--ndjson",
        "--array", "--isolated", "--no-color", "--show-config",
    ]

    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var index = 0
        var onlyPaths = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
                continue
            }
            if argument == "--" {
                onlyPaths = true
                continue
            }
            // A hook that passes file names without `--` would hand a committed file named
            // `--output=json=x.call.json` over as an option: one that names a file here is
            // refused, whatever it would have done.
            if FileSystem.exists(argument) {
                throw UsageError(
                    message: "\(shown(argument)) is a file here but reads as an option; put -- before file names "
                        + "(call-lint [options] -- FILE ...)")
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            if valued.contains(name) {
                if value == nil {
                    guard index < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                try options.apply(name, value!)
            } else if flags.contains(name), value == nil {
                options.apply(flag: name)
            } else {
                let known = Array(valued) + Array(flags)
                let hint = KeySuggester.suggest(name, among: known).map { " (did you mean \($0.field)?)" } ?? ""
                throw UsageError(message: "unknown option \(argument)\(hint)")
            }
        }
        if options.fix && options.diff {
            throw UsageError(message: "--fix and --diff do not go together: --diff shows what --fix would write")
        }
        return options
    }

    mutating func apply(flag: String) {
        switch flag {
        case "--help", "-h": help = true
        case "--version": version = true
        case "--list-rules": listRules = true
        case "--fix": fix = true
        case "--diff": diff = true
        case "--quiet", "-q": quiet = true
        case "--statistics": statistics = true
        case "--ndjson": ndjson = true
        case "--array": array = true
        case "--isolated": isolated = true
        case "--show-config": showConfig = true
        case "--no-color": color = .never
        default: break
        }
    }

    mutating func apply(_ name: String, _ value: String) throws(UsageError) {
        switch name {
        case "--format":
            guard let format = OutputFormat(rawValue: value) else {
                throw UsageError(
                    message:
                        "unknown format '\(value)'; use one of "
                        + "\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            self.format = format
        case "--output":
            guard let equals = value.firstIndex(of: "="), let format = OutputFormat(rawValue: String(value[..<equals])),
                value.index(after: equals) < value.endIndex
            else {
                throw UsageError(
                    message: "--output takes FORMAT=PATH, FORMAT one of "
                        + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            outputs.append((format, String(value[value.index(after: equals)...])))
        case "--color":
            guard let color = ColorChoice(rawValue: value) else {
                throw UsageError(message: "--color takes auto, always or never")
            }
            self.color = color
        case "--input-format":
            guard let format = InputFormat(rawValue: value) else {
                throw UsageError(message: "--input-format takes one of \(InputFormat.names) (got '\(value)')")
            }
            inputFormat = format
        case "--stdin-filename": stdinFilename = value
        case "--explain": explain = value
        case "--config": configPath = value
        case "--select": select += try Self.ruleList(value, option: name)
        case "--ignore": ignore += try Self.ruleList(value, option: name)
        case "--severity":
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let severity = Severity(rawValue: parts[1]) else {
                throw UsageError(
                    message: "--severity takes RULE=LEVEL, with LEVEL error, warning or info (got '\(value)')")
            }
            _ = try Self.ruleList(parts[0], option: name)
            severityOverrides[parts[0]] = severity
        case "--fail-on":
            guard let severity = Severity(rawValue: value) else {
                throw UsageError(message: "--fail-on takes error, warning or info")
            }
            failOn = severity
        case "--jobs":
            guard let jobs = Int(value), jobs >= 1 else {
                throw UsageError(message: "--jobs takes a whole number of 1 or more")
            }
            self.jobs = jobs
        case "--default-region":
            if let problem = Configuration.regionProblem(value) {
                throw UsageError(message: "--default-region: " + problem)
            }
            defaultRegion = value.uppercased()
        default: break
        }
    }

    /// A comma-separated list of rule ids, each checked against the registry.
    static func ruleList(_ value: String, option: String) throws(UsageError) -> [String] {
        let ids = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        for id in ids where !RuleRegistry.ids.contains(id) {
            throw UsageError(message: unknownRuleMessage(id, context: option))
        }
        return ids
    }

    static func unknownRuleMessage(_ id: String, context: String) -> String {
        let hint =
            KeySuggester.suggest(id, among: RuleRegistry.ids).map { "; did you mean \($0.field)?" }
            ?? "; see --list-rules"
        return "\(context): unknown rule '\(id)'\(hint)"
    }
}
