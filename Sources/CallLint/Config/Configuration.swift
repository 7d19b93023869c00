/// A `.call-lint.json` file: which rules run and how strict they are, where they do not
/// apply, which strings are placeholders, which caller ids exist.
///
///     {
///       "disable": ["duplicate-key"],
///       "severity": {"unknown-key": "warning"},
///       "ignore": {"templates/legacy/**": ["unknown-key"], "**/*.draft.json": ["*"]},
///       "placeholders": ["__[A-Z_]+__"],
///       "allowedCallerIds": ["+13175550100"],
///       "defaultRegion": "GB"
///     }
///
/// Anything else is an error with its line and column: a configuration is never silently
/// half-read.
public struct Configuration: Sendable {
    public var disabledRules: Set<String> = []
    public var severityOverrides: [String: Severity] = [:]
    public var pathIgnores: [(glob: GlobPattern, rules: Set<String>)] = []
    /// Which files a folder walk takes for payloads (none: every JSON file), and which it
    /// leaves out; globs relative to `baseDirectory`.
    public var includes: [GlobPattern] = []
    public var excludes: [GlobPattern] = []
    public var placeholderPatterns: [String] = []
    public var allowedCallerIds: [String]?
    /// The ISO 3166 code of the country national numbers belong to.
    public var defaultRegion: String?
    /// The folder per-path ignores are relative to.
    public var baseDirectory: String = "."

    public static let fileName = ".call-lint.json"
    public static let settingNames = [
        "disable", "severity", "ignore", "include", "exclude", "placeholders", "allowedCallerIds", "defaultRegion",
    ]

    public init() {}

    public struct Error: Swift.Error, Equatable {
        public let message: String
        public let line: Int
        public let column: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// A configuration file is a few hundred bytes; one of megabytes is not one.
    public static let maximumBytes = 1 << 20
    /// Bounds on the lists, in all: each glob is tried on every file a walk finds, each
    /// placeholder pattern on every string value, so their total, not only the file's size,
    /// decides what a run costs.
    public static let maximumGlobs = 200
    public static let maximumGlobLength = 1_000
    public static let maximumPlaceholders = 100
    public static let maximumAllowedCallerIds = 10_000

    /// Parses and validates configuration text.
    public static func parse(
        _ text: [UInt8], name: String = fileName, baseDirectory: String = "."
    ) throws(Error) -> Configuration {
        let source = SourceText(name: name, bytes: text)
        let document: JSONDocument
        switch JSONParser().parse(source) {
        case .failure(let syntax):
            let location = source.location(of: syntax.range.lowerBound)
            throw Error(message: syntax.text(in: source).message, line: location.line, column: location.column)
        case .success(let parsed):
            document = parsed
        }
        func fail(_ message: String, at value: JSONValue, key: Bool = false) -> Error {
            let location = source.location(
                of: key ? (value.keyRange?.lowerBound ?? value.range.lowerBound) : value.range.lowerBound)
            return Error(message: message, line: location.line, column: location.column)
        }
        func unknownRule(_ id: String) -> String {
            "unknown rule '\(id)'"
                + (KeySuggester.suggest(id, among: RuleRegistry.ids).map { " (did you mean \($0.field)?)" } ?? "")
        }
        func ruleID(_ value: JSONValue, allowAll: Bool = false) throws(Error) -> String {
            guard value.kind == .string, let id = value.stringValue else {
                throw fail("a rule id must be a string", at: value)
            }
            if allowAll && id == "*" { return id }
            guard RuleRegistry.ids.contains(id) else { throw fail(unknownRule(id), at: value) }
            return id
        }
        func strings(_ value: JSONValue, what: String, limit: Int) throws(Error) -> [String] {
            guard value.kind == .array else { throw fail("\(what) must be an array of strings", at: value) }
            guard value.childCount <= limit else {
                throw fail("\(what) has \(value.childCount) entries; at most \(limit) are read", at: value)
            }
            var result: [String] = []
            for item in value.children {
                guard let text = item.stringValue else { throw fail("\(what) must hold strings only", at: item) }
                result.append(text)
            }
            return result
        }
        var globs = 0
        func glob(_ text: String, at value: JSONValue, key: Bool = false) throws(Error) -> GlobPattern {
            globs += 1
            guard globs <= maximumGlobs else {
                throw fail(
                    "more than \(maximumGlobs) globs in 'ignore', 'include' and 'exclude' together; each is tried on "
                        + "every file, so use fewer, broader ones", at: value, key: key)
            }
            guard text.utf8.count <= maximumGlobLength else {
                throw fail("a glob of more than \(maximumGlobLength) bytes", at: value, key: key)
            }
            return GlobPattern(text)
        }

        let root = document.root
        guard root.kind == .object else { throw fail("the configuration must be a JSON object", at: root) }
        var configuration = Configuration()
        configuration.baseDirectory = baseDirectory
        var seen: Set<String> = []
        for member in root.children {
            let key = member.key ?? ""
            guard seen.insert(key).inserted else { throw fail("'\(key)' is set twice", at: member, key: true) }
            switch key {
            case "$schema":
                // Where an editor finds this file's schema (`call-lint schema config`); no setting.
                guard member.kind == .string else {
                    throw fail("'$schema' must be a string, a URL or a path", at: member)
                }
            case "disable":
                guard member.kind == .array else { throw fail("'disable' must be an array of rule ids", at: member) }
                for item in member.children { configuration.disabledRules.insert(try ruleID(item)) }
            case "severity":
                guard member.kind == .object else {
                    throw fail("'severity' must be an object of rule id to level", at: member)
                }
                for item in member.children {
                    let id = item.key ?? ""
                    guard RuleRegistry.ids.contains(id) else { throw fail(unknownRule(id), at: item, key: true) }
                    guard let text = item.stringValue, let level = Severity(rawValue: text) else {
                        throw fail("a severity is \"error\", \"warning\" or \"info\"", at: item)
                    }
                    configuration.severityOverrides[id] = level
                }
            case "ignore":
                guard member.kind == .object else {
                    throw fail("'ignore' must be an object of path glob to rule ids", at: member)
                }
                for item in member.children {
                    guard item.kind == .array else {
                        throw fail("ignore entries map a glob to an array of rule ids (\"*\" for all)", at: item)
                    }
                    var rules: Set<String> = []
                    for rule in item.children { rules.insert(try ruleID(rule, allowAll: true)) }
                    configuration.pathIgnores.append((try glob(item.key ?? "", at: item, key: true), rules))
                }
            case "include", "exclude":
                var patterns: [GlobPattern] = []
                for (text, item) in zip(try strings(member, what: "'\(key)'", limit: maximumGlobs), member.children) {
                    patterns.append(try glob(text, at: item))
                }
                if key == "include" { configuration.includes = patterns } else { configuration.excludes = patterns }
            case "placeholders":
                let patterns = try strings(member, what: "'placeholders'", limit: maximumPlaceholders)
                // Every value is matched against every pattern: their sizes together are bounded
                // as one pattern's is.
                var size = 0
                for (pattern, item) in zip(patterns, member.children) {
                    do throws(LinearPattern.SyntaxError) {
                        size += try LinearPattern(pattern).program.count
                    } catch {
                        // Quoted whole only when short: the message is one line, whatever the file.
                        let shown = pattern.count > 60 ? String(pattern.prefix(60)) + "…" : pattern
                        throw fail("placeholder pattern \(JSONString.quoted(shown)): \(error.message)", at: item)
                    }
                    guard size <= LinearPattern.maximumSize else {
                        throw fail(
                            "the placeholder patterns together are too large (more than \(LinearPattern.maximumSize) "
                                + "steps compiled); use fewer or simpler patterns", at: item)
                    }
                }
                configuration.placeholderPatterns = patterns
            case "allowedCallerIds":
                configuration.allowedCallerIds = try strings(
                    member, what: "'allowedCallerIds'", limit: maximumAllowedCallerIds)
            case "defaultRegion":
                guard let code = member.stringValue else {
                    throw fail("'defaultRegion' must be a string, an ISO 3166 code like \"GB\"", at: member)
                }
                guard let message = Self.regionProblem(code) else {
                    configuration.defaultRegion = code.uppercased()
                    continue
                }
                throw fail(message, at: member)
            default:
                let hint = KeySuggester.suggest(key, among: settingNames).map { " (did you mean '\($0.field)'?)" } ?? ""
                throw fail(
                    "unknown setting '\(key)'\(hint); settings are \(settingNames.joined(separator: ", "))", at: member,
                    key: true)
            }
        }
        return configuration
    }

    /// What is wrong with a `defaultRegion` value, nil when it names a region.
    public static func regionProblem(_ code: String) -> String? {
        LintSettings.isKnownRegion(code)
            ? nil
            : "unknown region '\(code)': defaultRegion is an ISO 3166 code of a country with phone numbers, like "
                + "\"US\" or \"GB\""
    }

    /// Rules switched off for a path (relative to `baseDirectory`).
    /// Whether a file a folder walk found is a payload by `include` and `exclude` (its path
    /// relative to the configuration's folder).
    public func walkTakes(relativePath path: String) -> Bool {
        if excludes.contains(where: { $0.matches(path) }) { return false }
        return includes.isEmpty || includes.contains { $0.matches(path) }
    }

    /// Whether a folder walk leaves a folder out by `exclude`.
    public func walkSkips(relativeFolder path: String) -> Bool {
        excludes.contains { $0.matches(path) }
    }

    public func ignoredRules(forRelativePath path: String) -> Set<String> {
        var ignored: Set<String> = []
        for entry in pathIgnores where entry.glob.matches(path) {
            ignored.formUnion(entry.rules.contains("*") ? Set(RuleRegistry.ids) : entry.rules)
        }
        return ignored
    }

    /// Settings for the linter, before command-line flags are applied.
    public func settings() throws -> LintSettings {
        var settings = LintSettings(
            severityOverrides: severityOverrides,
            placeholders: try PlaceholderMatcher(extraPatterns: placeholderPatterns),
            allowedCallerIds: allowedCallerIds, defaultRegion: defaultRegion)
        if !disabledRules.isEmpty {
            settings.enabledRules = Set(
                RuleRegistry.ids.filter { settings.isEnabled($0) && !disabledRules.contains($0) })
        }
        return settings
    }
}
