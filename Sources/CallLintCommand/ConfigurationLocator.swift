import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds and reads the configuration: `--config PATH`, else `CALL_LINT_CONFIG`, else the
/// first `.call-lint.json` in the working directory or a folder above it, else none.
/// `--isolated` reads none. A file found by the search that belongs to another user (root's
/// excepted) is ignored with a warning, as git ignores a repository another user owns: in a
/// shared folder such as /tmp, anyone could otherwise turn rules off.
enum ConfigurationLocator {
    enum Outcome {
        /// The configuration, and the file it came from (nil: the defaults).
        case success(Configuration, path: String?)
        case failure(String)
    }

    static func load(options: CommandLineOptions, console: Console) -> Outcome {
        if options.isolated { return .success(Configuration(), path: nil) }
        return locate(named: options.configPath, searchingFrom: console.currentDirectory, console: console)
    }

    /// The file named, else `CALL_LINT_CONFIG`'s (either relative to the working directory),
    /// else the first `.call-lint.json` from `directory` up; with no folder to search from (an
    /// editor's unsaved document), the defaults.
    static func locate(named: String?, searchingFrom directory: String?, console: Console) -> Outcome {
        let current = console.currentDirectory
        if let path = named ?? console.environment["CALL_LINT_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard path.hasPrefix("/") || !current.isEmpty else { return .failure(unnamedDirectory) }
            return read(path, baseDirectory: PathUtilities.directory(of: PathUtilities.absolute(path, from: current)))
        }
        guard let directory else { return .success(Configuration(), path: nil) }
        // The search needs the folder's path; without one, a configuration above (which may hold
        // allowedCallerIds) would be skipped unseen.
        guard directory.hasPrefix("/") else { return .failure(unnamedDirectory) }
        return search(from: directory, console: console)
    }

    static let unnamedDirectory =
        "the working directory has no path the system can give (it was deleted, or its path is longer than "
        + "PATH_MAX), so no configuration can be searched for; pass --config FILE or --isolated"

    /// The first `.call-lint.json` in the folder or one above it. One that is there but cannot
    /// be read as a file (a folder, a dangling link, no permission) is an error, not a file to
    /// pass over: it may hold the run's allowed caller ids.
    static func search(from start: String, console: Console) -> Outcome {
        var directory = PathUtilities.normalize(start)
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/" + Configuration.fileName
            switch FileSystem.kind(of: candidate) {
            case .success(.regular):
                if let owner = FileSystem.owner(of: candidate), owner != 0, owner != FileSystem.effectiveUser {
                    console.writeError(
                        "call-lint: warning: ignoring \(shown(candidate)): it belongs to another user (uid \(owner)); "
                            + "pass --config to use it\n")
                } else {
                    return read(candidate, baseDirectory: directory)
                }
            case .success:
                return .failure("configuration \(shown(candidate)) is not a regular file")
            case .failure(let failure) where failure.code != ENOENT && failure.code != ENOTDIR:
                return .failure("cannot read configuration \(shown(candidate)): \(failure.message)")
            case .failure:
                break
            }
            // Normalized and absolute, each step is shorter: the loop ends at "/".
            guard directory != "/" else { return .success(Configuration(), path: nil) }
            directory = PathUtilities.directory(of: directory)
        }
    }

    static func read(_ path: String, baseDirectory: String) -> Outcome {
        let size: Int
        switch FileSystem.kind(of: path) {
        case .failure(let failure): return .failure("cannot read configuration \(shown(path)): \(failure.message)")
        case .success(.regular(let bytes)): size = bytes
        case .success: return .failure("configuration \(shown(path)) is not a regular file")
        }
        let read = FileStream.open(path, sizeHint: size).flatMap { stream in
            var stream = stream
            defer { stream.close() }
            return stream.readAll(limit: Configuration.maximumBytes)
        }
        switch read {
        case .failure where size > Configuration.maximumBytes:
            return .failure(
                "configuration \(shown(path)) is larger than \(Configuration.maximumBytes >> 20) MiB; a configuration "
                    + "is a few kilobytes at most")
        case .failure(let failure):
            return .failure("cannot read configuration \(shown(path)): \(failure.message)")
        case .success(let bytes):
            do {
                return .success(try Configuration.parse(bytes, name: path, baseDirectory: baseDirectory), path: path)
            } catch {
                return .failure("invalid configuration \(shown(path)):\(error.description)")
            }
        }
    }
}

enum PathUtilities {
    static func absolute(_ path: String, from directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// Resolves `.` and `..` textually.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// The folder a path names its file in (`.` for a bare name, `/` at the root), and the
    /// file's name there as the system takes it: what --fix and --output open and write by.
    static func folderAndName(_ path: String) -> (folder: String, name: [CChar]) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return (".", FileName.systemBytes(path))
        }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, FileName.systemBytes(String(path[path.index(after: slash)...])))
    }

    /// `path` relative to `base`, or nil when it lies outside it.
    static func relative(_ path: String, to base: String) -> String? {
        let prefix = base == "/" ? "/" : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
