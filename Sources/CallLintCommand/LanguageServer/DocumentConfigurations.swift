import CallLint

/// The configuration of each open document, found as the command line finds it
/// (ConfigurationLocator: `CALL_LINT_CONFIG`, else the first `.call-lint.json` from the
/// document's folder up), read once per folder and forgotten when a configuration changes.
struct DocumentConfigurations {
    struct Found {
        let checker: DocumentChecker
        /// Why the configuration could not be used (then the defaults are): shown once.
        let problem: String?
    }

    let console: Console
    /// The folder the client opened, for documents with no path of their own.
    var workspaceFolder: String?
    private var byFolder: [String: Found] = [:]

    init(console: Console) {
        self.console = console
    }

    mutating func forget() { byFolder.removeAll() }

    /// - Parameter path: the document's file, nil for a document with none (an unsaved one).
    mutating func checker(forPath path: String?) -> Found {
        let folder = path.map(PathUtilities.directory(of:)) ?? workspaceFolder ?? ""
        if let found = byFolder[folder] { return found }
        let found = load(folder)
        byFolder[folder] = found
        return found
    }

    private func load(_ folder: String) -> Found {
        let outcome = ConfigurationLocator.locate(
            named: nil, searchingFrom: folder.hasPrefix("/") ? folder : nil, console: console)
        let defaults = " (checking with the defaults until it is fixed)"
        switch outcome {
        case .failure(let message):
            return Found(checker: Self.defaultChecker(console), problem: "call-lint: " + message + defaults)
        case .success(let configuration, let path):
            do {
                let settings = try configuration.settings()
                return Found(
                    checker: DocumentChecker(configuration: configuration, settings: settings, console: console),
                    problem: nil)
            } catch {
                let file = path.map { " \(shown($0))" } ?? ""
                return Found(
                    checker: Self.defaultChecker(console),
                    problem: "call-lint: invalid configuration\(file): \(error)" + defaults)
            }
        }
    }

    static func defaultChecker(_ console: Console) -> DocumentChecker {
        DocumentChecker(configuration: Configuration(), settings: LintSettings(), console: console)
    }
}
