import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The new content of a file, written beside it and put in its place in one rename: a fixed
/// payload (`--fix`) or a report (`--output`). A run that is killed leaves the old file or the
/// whole new one, never a torn one. Where the system allows, the new file has no name until the
/// very end (O_TMPFILE), so SIGKILL leaves nothing behind; elsewhere it is a hidden
/// `.call-lint-PID-N.tmp`, removed on SIGINT, SIGTERM and SIGHUP, and removed by a later run
/// once its process is gone (`TemporaryFiles.removeStale`).
final class ReplacementFile {
    let descriptor: Int32
    /// The folder it is written in, held open by its owner.
    private let folder: Int32
    /// Its name while it is being written, or nil while it has none (O_TMPFILE).
    private var temporaryName: String?
    private var finished = false

    private init(descriptor: Int32, folder: Int32, temporaryName: String?) {
        self.descriptor = descriptor
        self.folder = folder
        self.temporaryName = temporaryName
    }

    deinit { discard() }

    /// A new, empty file in the folder, readable and writable by its owner only until `commit`.
    static func create(in folder: Int32) -> Result<ReplacementFile, IOFailure> {
        TemporaryFiles.removeStale(in: folder)
        #if os(Linux) && (arch(x86_64) || arch(arm64))
            // O_TMPFILE is 020000000 | O_DIRECTORY on these architectures; Swift does not import it.
            let anonymous = openat(folder, ".", O_WRONLY | O_CLOEXEC | 0o20000000 | O_DIRECTORY, mode_t(0o600))
            if anonymous >= 0 {
                return .success(ReplacementFile(descriptor: anonymous, folder: folder, temporaryName: nil))
            }
        #endif
        return TemporaryFiles.create(in: folder).map {
            ReplacementFile(descriptor: $0.descriptor, folder: folder, temporaryName: $0.name)
        }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Void, IOFailure> {
        FileSystem.writeAll(descriptor, bytes)
    }

    func write(_ bytes: [UInt8]) -> Result<Void, IOFailure> {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Syncs the new file and renames it over `name` in the folder, after `stillValid` says the
    /// place may be taken; otherwise, or on any failure, the new file is removed and the old one
    /// stays as it was.
    func commit(as name: [CChar], stillValid: () -> IOFailure? = { nil }) -> Result<Void, IOFailure> {
        defer { discard() }
        guard fsync(descriptor) == 0 else { return .failure(Self.lastFailure()) }
        if temporaryName == nil {
            // Linked in under a temporary name first (linkat will not replace a name), so the
            // rename below replaces the old file in one step.
            switch TemporaryFiles.link(descriptor, into: folder) {
            case .failure(let failure): return .failure(failure)
            case .success(let linked): temporaryName = linked
            }
        }
        guard let temporaryName else { return .failure(IOFailure(message: "the new file has no name")) }
        if let refusal = stillValid() { return .failure(refusal) }
        guard renameat(folder, temporaryName, folder, name) == 0 else { return .failure(Self.lastFailure()) }
        self.temporaryName = nil
        TemporaryFiles.forget(temporaryName)
        fsync(folder)
        return .success(())
    }

    /// Closes and removes the new file, if it was not committed.
    func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporaryName {
            unlinkat(folder, temporaryName, 0)
            TemporaryFiles.forget(temporaryName)
        }
    }

    static func lastFailure() -> IOFailure {
        let code = errno
        return IOFailure(message: FileSystem.errorMessage(code), code: code)
    }
}
