/// Turns the paths on the command line into the inputs to check: files as given, directories
/// searched for `*.json` (and NDJSON) files, `-` for standard input. Unreadable paths become
/// inputs that carry their error, so every other file is still checked.
struct InputCollector {
    enum Input {
        case file(path: String, size: Int)
        case standardInput(name: String)
        case unreadable(path: String, message: String)

        var sortKey: String {
            switch self {
            case .file(let path, _), .unreadable(let path, _): return path
            case .standardInput: return ""
            }
        }
    }

    static let lintedExtensions = [".json", ".ndjson", ".jsonl"]

    static func collect(_ paths: [String], stdinName: String) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<String> = []
        var standardInput = false
        for path in paths {
            if path == "-" {
                standardInput = true
                continue
            }
            collect(path, explicit: true, into: &inputs, seen: &seen)
        }
        // Byte order, so that the order does not depend on the locale or Unicode collation.
        inputs = inputs.map { (key: Array($0.sortKey.utf8), input: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.input)
        if standardInput { inputs.insert(.standardInput(name: stdinName), at: 0) }
        return inputs
    }

    static func collect(_ path: String, explicit: Bool, into inputs: inout [Input], seen: inout Set<String>) {
        guard seen.insert(path).inserted else { return }
        switch FileSystem.kind(of: path) {
        case .failure(let failure):
            inputs.append(.unreadable(path: path, message: failure.message))
        case .success(.regular(let size)):
            if explicit || lintedExtensions.contains(where: { path.hasSuffix($0) }) {
                inputs.append(.file(path: path, size: size))
            }
        case .success(.directory):
            switch FileSystem.entries(of: path) {
            case .failure(let failure):
                inputs.append(.unreadable(path: path, message: "cannot list directory: " + failure.message))
            case .success(let entries):
                for (name, type) in entries where !name.hasPrefix(".") {
                    let child = path.hasSuffix("/") ? path + name : path + "/" + name
                    // Only look inside folders and at files that end in a linted extension; a
                    // broken link or a FIFO among other files is none of the linter's business.
                    let linted = lintedExtensions.contains(where: { name.hasSuffix($0) })
                    switch type {
                    case .regular where linted:
                        // The size is read when the file is opened, on a worker.
                        if seen.insert(child).inserted { inputs.append(.file(path: child, size: -1)) }
                    case .directory:
                        collect(child, explicit: false, into: &inputs, seen: &seen)
                    case .unknown:
                        // Links to folders are not followed while searching (a link back up
                        // would repeat the tree without end); named on the command line, they are.
                        let isDirectory: Bool
                        if case .success(.directory) = FileSystem.kind(of: child) { isDirectory = true } else { isDirectory = false }
                        if isDirectory {
                            if !FileSystem.isSymbolicLink(child) { collect(child, explicit: false, into: &inputs, seen: &seen) }
                        } else if linted {
                            collect(child, explicit: true, into: &inputs, seen: &seen)
                        }
                    case .regular:
                        break
                    }
                }
            }
        case .success(.other(let what)):
            if explicit {
                inputs.append(.unreadable(path: path, message: "\(what), not a regular file; pipe it in instead: call-lint - < \(path)"))
            }
        }
    }
}
