import CallLint

#if canImport(Glibc)
    import Glibc
#endif

/// Turns the paths on the command line into the inputs to check: files as given, directories
/// searched for `*.json` (and NDJSON) files, `-` for standard input. Unreadable paths become
/// inputs that carry their error, so every other file is still checked.
struct InputCollector {
    enum Input {
        case file(path: String, size: Int)
        case standardInput(name: String)
        case unreadable(path: String, message: String)

        /// The name reports give it: the path, or standard input's name.
        var name: String {
            switch self {
            case .file(let path, _), .unreadable(let path, _): return path
            case .standardInput(let name): return name
            }
        }

        var sortKey: String {
            switch self {
            case .file(let path, _), .unreadable(let path, _): return path
            case .standardInput: return ""
            }
        }
    }

    /// Whether a name ends in a linted extension, compared as bytes (String.hasSuffix compares
    /// by Unicode equivalence, three times per file).
    static func hasLintedExtension(_ name: String) -> Bool {
        InputMode.hasSuffix(name, ".json") || InputMode.hasNDJSONExtension(name)
    }

    static func collect(_ paths: [String], stdinName: String, filter: WalkFilter = WalkFilter()) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<String> = []
        var standardInput = false
        for path in paths {
            if path == "-" {
                standardInput = true
                continue
            }
            collect(path, explicit: true, filter: filter, into: &inputs, seen: &seen)
        }
        // Byte order, so that the order does not depend on the locale or Unicode collation.
        // Positions are sorted, not the inputs (moving an input's strings costs counts at every
        // step), by keys laid end to end in one buffer (an array per key cost a count per look).
        var keys: [UInt8] = []
        var spans: [Range<Int>] = []
        spans.reserveCapacity(inputs.count)
        for input in inputs {
            let start = keys.count
            keys += input.sortKey.utf8
            spans.append(start..<keys.count)
        }
        let unique = keys.withUnsafeBufferPointer { keys in
            let order = spans.indices.sorted { precedes(keys, spans[$0], spans[$1]) }
            var unique: [Input] = []
            unique.reserveCapacity(order.count)
            for (offset, position) in order.enumerated()
            where offset == 0 || !same(keys, spans[position], spans[order[offset - 1]]) {
                unique.append(inputs[position])
            }
            return unique
        }
        inputs = unique
        if standardInput { inputs.insert(.standardInput(name: stdinName), at: 0) }
        return inputs
    }

    /// The inputs with each file's identity, later paths to a file already listed left out
    /// (`. a.json` names `./a.json` twice; a link is its target's file). Files that cannot be
    /// found stay, to be reported as unreadable when they are opened.
    static func removingRepeats(_ inputs: [Input]) -> (inputs: [Input], identities: [FileIdentity?]) {
        var seen: Set<FileIdentity> = []
        var kept: [Input] = []
        var identities: [FileIdentity?] = []
        for input in inputs {
            guard case .file(let path, _) = input, let identity = FileIdentity.of(path) else {
                kept.append(input)
                identities.append(nil)
                continue
            }
            guard seen.insert(identity).inserted else { continue }
            kept.append(input)
            identities.append(identity)
        }
        return (kept, identities)
    }

    /// Byte order by memcmp: the generic lexicographic comparison was a tenth of the time
    /// spent on 10,000 small files.
    static func precedes(_ keys: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let common = min(a.count, b.count)
        guard common > 0, let base = keys.baseAddress else { return a.count < b.count }
        let order = memcmp(base + a.lowerBound, base + b.lowerBound, common)
        return order != 0 ? order < 0 : a.count < b.count
    }

    static func same(_ keys: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty, let base = keys.baseAddress else { return true }
        return memcmp(base + a.lowerBound, base + b.lowerBound, a.count) == 0
    }

    /// - Parameter root: the real path of the folder named on the command line that this path
    ///   was found in (nil for a path named itself): links are followed only to files in it.
    /// - Parameter filter: what the walk leaves out; it gathers the `.gitignore` files of the
    ///   folders walked on the way down.
    static func collect(
        _ path: String, explicit: Bool, root: String? = nil, filter: WalkFilter, into inputs: inout [Input],
        seen: inout Set<String>
    ) {
        guard seen.insert(path).inserted else { return }
        switch FileSystem.kind(of: path) {
        case .failure(let failure):
            inputs.append(.unreadable(path: path, message: failure.message))
        case .success(.regular(let size)):
            if explicit || hasLintedExtension(path) {
                inputs.append(.file(path: path, size: size))
            }
        case .success(.directory):
            let root = root ?? FileSystem.realPath(path)
            let filter = filter.entering(path)
            switch FileSystem.entries(of: path) {
            case .failure(let failure):
                inputs.append(.unreadable(path: path, message: "cannot list directory: " + failure.message))
            case .success(let entries):
                // One append per entry, not two: a folder of 10,000 files builds 10,000 paths.
                let folder = path.hasSuffix("/") ? path : path + "/"
                for (name, type) in entries where !name.hasPrefix(".") {
                    // Only look inside folders and at files that end in a linted extension; a
                    // FIFO among other files is none of the linter's business.
                    let linted = hasLintedExtension(name)
                    guard type == .directory || linted else { continue }
                    let child = folder + name
                    guard filter.takes(child, name: name, isFolder: type == .directory) else { continue }
                    switch type {
                    case .regular:
                        // The size is read when the file is opened, on a worker.
                        // Listed twice only when also named on the command line; the sorted
                        // list drops such repeats, which is cheaper than a set of every path.
                        inputs.append(.file(path: child, size: -1))
                    case .directory:
                        collect(child, explicit: false, root: root, filter: filter, into: &inputs, seen: &seen)
                    case .symbolicLink:
                        // A link is followed only to a file inside the folder walked: not to
                        // folders (a link back up would repeat the tree without end), not out
                        // of the tree (a link to /proc/self/environ would print secrets in an
                        // excerpt). Named on the command line, a link is followed. A dangling
                        // one is reported as such.
                        guard let target = FileSystem.realPath(child) else {
                            collect(child, explicit: true, root: root, filter: filter, into: &inputs, seen: &seen)
                            break
                        }
                        if let root, target.hasPrefix(root == "/" ? "/" : root + "/"),
                            case .success(.regular) = FileSystem.kind(of: target)
                        {
                            collect(child, explicit: true, root: root, filter: filter, into: &inputs, seen: &seen)
                        }
                    case .other:
                        // A FIFO or device with a JSON name: reported, never waited on.
                        collect(child, explicit: true, root: root, filter: filter, into: &inputs, seen: &seen)
                    }
                }
            }
        case .success(.other(let what)):
            if explicit {
                inputs.append(
                    .unreadable(
                        path: path,
                        message: "\(what), not a regular file; pipe it in instead: call-lint - < \(shown(path))"))
            }
        }
    }
}
