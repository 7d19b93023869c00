import CallLint

/// What a folder walk leaves out, so that `call-lint .` in a real repository checks its call
/// payloads and not package.json, node_modules or build output: folders that never hold
/// payloads (dependencies, build output, virtual environments; hidden folders are skipped
/// anyway), what the `.gitignore` files on the way down ignore, and what the configuration's
/// `include` and `exclude` say. A path named on the command line is always checked.
struct WalkFilter {
    static let skippedFolders: Set<String> = ["node_modules", "build", "dist", "vendor", "venv", "__pycache__"]

    let configuration: Configuration?
    /// Whether the configuration says anything about which files are payloads: worked out
    /// once, not looked up for each of ten thousand files.
    let choosesFiles: Bool
    let currentDirectory: String
    /// The `.gitignore` files of the folders entered, outermost first.
    private(set) var gitIgnores: [GitIgnore] = []

    init(configuration: Configuration? = nil, currentDirectory: String = ".") {
        self.configuration = configuration
        choosesFiles = configuration.map { !$0.includes.isEmpty || !$0.excludes.isEmpty } ?? false
        self.currentDirectory = currentDirectory
    }

    /// The filter for the inside of a folder: with its `.gitignore`, if it has one.
    func entering(_ folder: String) -> WalkFilter {
        let file = (folder.hasSuffix("/") ? folder : folder + "/") + ".gitignore"
        guard case .success(.regular(let size)) = FileSystem.kind(of: file), size < 1 << 20,
            case .success(var stream) = FileStream.open(file, sizeHint: size)
        else { return self }
        defer { stream.close() }
        guard case .success(let bytes) = stream.readAll(limit: 1 << 20) else { return self }
        var inner = self
        inner.gitIgnores.append(GitIgnore(folder: folder, bytes: bytes))
        return inner
    }

    /// Whether the walk takes an entry it found: a folder to go into, or a JSON file to check.
    func takes(_ path: String, name: String, isFolder: Bool) -> Bool {
        if isFolder {
            if Self.skippedFolders.contains(name) { return false }
            // A Python virtual environment, whatever its name.
            if case .success(.regular) = FileSystem.kind(of: path + "/pyvenv.cfg") { return false }
        }
        // The nearest .gitignore that has a say decides; deeper ones override outer ones.
        for ignore in gitIgnores.reversed() {
            let prefix = ignore.folder.hasSuffix("/") ? ignore.folder : ignore.folder + "/"
            guard path.hasPrefix(prefix) else { continue }
            if let ignored = ignore.verdict(relativePath: String(path.dropFirst(prefix.count)), isFolder: isFolder) {
                if ignored { return false }
                break
            }
        }
        guard choosesFiles, let configuration else { return true }
        let absolute = PathUtilities.absolute(path, from: currentDirectory)
        guard let relative = PathUtilities.relative(absolute, to: PathUtilities.normalize(configuration.baseDirectory))
        else { return true }
        return isFolder
            ? !configuration.walkSkips(relativeFolder: relative) : configuration.walkTakes(relativePath: relative)
    }
}
