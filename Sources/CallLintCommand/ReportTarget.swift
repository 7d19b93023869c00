import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The paths `--output FORMAT=PATH` writes, checked before anything is read or written: a
/// report never replaces an input of the run (named, or found by the walk; the same file by
/// device and inode, whatever the path) nor another report of the run. A file there that is an
/// earlier call-lint report (`EarlierReport`) is the exception: it is not checked as an input,
/// and is replaced.
enum ReportTarget {
    /// The inputs left to check (earlier reports at a report's path taken out), or why the run
    /// must not start.
    static func check(
        _ outputs: [(format: OutputFormat, path: String)], inputs: [InputCollector.Input],
        identities: [FileIdentity?]
    ) -> Result<[InputCollector.Input], IOFailure> {
        // Where each report goes: its folder's identity and its name, and the file there now.
        var places: [(folder: FileIdentity, name: [CChar], file: FileIdentity?, path: String)] = []
        for (_, path) in outputs {
            let (folderPath, name) = PathUtilities.folderAndName(path)
            let base = name.dropLast()
            guard !base.isEmpty, base != [46], base != [46, 46] else {
                return .failure(IOFailure(message: "cannot write a report to \(shown(path)): it names a folder"))
            }
            guard let folder = FileIdentity.of(folderPath) else {
                return .failure(
                    IOFailure(
                        message: "cannot write a report to \(shown(path)): \(FileSystem.errorMessage(errno))"))
            }
            let place = (folder: folder, name: name, file: FileIdentity.of(path), path: path)
            if let other = places.first(where: {
                ($0.folder == place.folder && $0.name == place.name) || ($0.file != nil && $0.file == place.file)
            }) {
                return .failure(
                    IOFailure(
                        message:
                            "\(shown(other.path)) and \(shown(path)) are one file: two reports of the run would "
                            + "overwrite each other; name two files"))
            }
            places.append(place)
        }
        var dropped: Set<FileIdentity> = []
        for place in places {
            guard let file = place.file, identities.contains(where: { $0 == file }) else { continue }
            let content = FileStream.open(place.path, sizeHint: -1).flatMap { stream in
                var stream = stream
                defer { stream.close() }
                return stream.readAll(limit: InputLimits.maximumBytes)
            }
            guard case .success(let bytes) = content, EarlierReport.recognizes(bytes) else {
                return .failure(
                    IOFailure(
                        message:
                            "not writing a report to \(shown(place.path)): it is an input of this run, not an "
                            + "earlier call-lint report; name another file"))
            }
            dropped.insert(file)
        }
        guard !dropped.isEmpty else { return .success(inputs) }
        return .success(
            zip(inputs, identities).compactMap { input, identity in
                identity.map { dropped.contains($0) } == true ? nil : input
            })
    }
}
