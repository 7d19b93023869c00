import CallLint

/// The rules of one `.gitignore`, in the subset of git's syntax most files use: blank lines
/// and `#` comments, `!` to take a path back, a trailing `/` for folders only, a `/` at the
/// start or in the middle to anchor the pattern at the file's folder (otherwise it matches a
/// name at any depth), and `*`, `?` and `**`. Not understood (the line is skipped): character
/// classes `[...]` and backslash escapes; not read: `.git/info/exclude` and `core.excludesFile`.
struct GitIgnore {
    struct Rule {
        let glob: GlobPattern
        let negated: Bool
        let foldersOnly: Bool
    }

    /// The folder the file is in; its rules match paths relative to it.
    let folder: String
    let rules: [Rule]

    init(folder: String, text: String) {
        self.folder = folder
        var rules: [Rule] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            while line.hasSuffix(" ") { line = line.dropLast() }
            guard !line.isEmpty, !line.hasPrefix("#"), !line.contains("["), !line.contains("\\") else { continue }
            let negated = line.hasPrefix("!")
            if negated { line = line.dropFirst() }
            let foldersOnly = line.hasSuffix("/")
            while line.hasSuffix("/") { line = line.dropLast() }
            guard !line.isEmpty else { continue }
            // A slash left at the start or in the middle anchors the pattern here. GlobPattern
            // anchors a pattern that holds a `/`: `/build` becomes `build/`.
            let anchored = line.contains("/")
            while line.hasPrefix("/") { line = line.dropFirst() }
            let pattern = anchored && !line.contains("/") ? String(line) + "/" : String(line)
            rules.append(Rule(glob: GlobPattern(pattern), negated: negated, foldersOnly: foldersOnly))
        }
        self.rules = rules
    }

    /// Whether the rules say ignore (true), keep (false, a `!` rule), or nothing (nil).
    func verdict(relativePath path: String, isFolder: Bool) -> Bool? {
        var verdict: Bool?
        for rule in rules where !rule.foldersOnly || isFolder {
            if rule.glob.matches(path) { verdict = !rule.negated }
        }
        return verdict
    }
}
