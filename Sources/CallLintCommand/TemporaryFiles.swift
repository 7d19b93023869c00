import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The named temporary files a run is writing (`.call-lint-PID-N.tmp`, beside the file they
/// will replace), so that SIGINT, SIGTERM or SIGHUP in the middle of a write removes them
/// rather than leaving hidden files of hundreds of megabytes behind; and the removal of those a
/// killed run (SIGKILL, a crash) left, once its process is gone. Names are short, so a file
/// whose own name is at the length limit can be replaced too.
enum TemporaryFiles {
    static let slots = 32
    static let nameCapacity = 64
    /// Each slot: the folder's descriptor (-1: free) and the name, in memory a signal handler
    /// may read without touching Swift's runtime.
    nonisolated(unsafe) static let pendingFolders: UnsafeMutablePointer<Int32> = {
        let folders = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
        folders.initialize(repeating: -1, count: slots)
        return folders
    }()
    nonisolated(unsafe) static let pendingNames: UnsafeMutablePointer<CChar> = {
        let names = UnsafeMutablePointer<CChar>.allocate(capacity: slots * nameCapacity)
        names.initialize(repeating: 0, count: slots * nameCapacity)
        return names
    }()
    nonisolated(unsafe) static var counter = 0
    nonisolated(unsafe) static var handlersInstalled = false
    /// The folders already swept for files of dead runs, by device and inode.
    nonisolated(unsafe) static var sweptFolders: Set<FileIdentity> = []

    static let prefix = ".call-lint-"
    static let suffix = ".tmp"

    static func nextName() -> String {
        counter += 1
        return "\(prefix)\(getpid())-\(counter)\(suffix)"
    }

    /// A new named temporary file in the folder, registered for removal on a signal.
    static func create(in folder: Int32) -> Result<(descriptor: Int32, name: String), IOFailure> {
        installHandlers()
        for _ in 0..<100 {
            let name = nextName()
            guard remember(folder, name) else { break }
            let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o600))
            if descriptor >= 0 { return .success((descriptor, name)) }
            let code = errno
            forget(name)
            if code != EEXIST {
                return .failure(
                    IOFailure(message: "cannot create a temporary file beside it: " + FileSystem.errorMessage(code)))
            }
        }
        return .failure(IOFailure(message: "cannot create a temporary file beside it: too many pending"))
    }

    /// Gives a nameless file (O_TMPFILE) a temporary name in its folder.
    static func link(_ descriptor: Int32, into folder: Int32) -> Result<String, IOFailure> {
        installHandlers()
        let name = nextName()
        guard remember(folder, name) else {
            return .failure(IOFailure(message: "cannot name the new file: too many pending"))
        }
        #if os(Linux)
            // AT_EMPTY_PATH (0x1000) links the descriptor itself; it needs a capability that
            // /proc/self/fd does not.
            if linkat(descriptor, "", folder, name, 0x1000) == 0 { return .success(name) }
            if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", folder, name, AT_SYMLINK_FOLLOW) == 0 {
                return .success(name)
            }
        #endif
        let code = errno
        forget(name)
        return .failure(IOFailure(message: "cannot name the new file: " + FileSystem.errorMessage(code), code: code))
    }

    /// Removes the temporary files that runs now gone left in the folder, once per folder and
    /// run: only names of the form this type gives, of regular files that are the caller's
    /// (any, for root), whose process id no longer runs.
    static func removeStale(in folder: Int32) {
        var info = stat()
        guard fstat(folder, &info) == 0,
            sweptFolders.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        else { return }
        let listing = dup(folder)
        guard listing >= 0, let directory = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        defer { closedir(directory) }
        let user = geteuid()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let process = processID(inTemporaryName: name), process != getpid(),
                kill(process, 0) != 0, errno == ESRCH
            else { continue }
            var file = stat()
            guard fstatat(folder, name, &file, AT_SYMLINK_NOFOLLOW) == 0, file.st_mode & S_IFMT == S_IFREG,
                user == 0 || file.st_uid == user
            else { continue }
            unlinkat(folder, name, 0)
        }
    }

    /// The process id in a name `.call-lint-PID-N.tmp`, or nil for any other name.
    static func processID(inTemporaryName name: String) -> pid_t? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count).split(
            separator: "-", omittingEmptySubsequences: false)
        guard middle.count == 2, middle.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let process = pid_t(middle[0]), process > 0, Int(middle[1]) != nil
        else { return nil }
        return process
    }

    /// Puts a name in a free slot; false when every slot is taken.
    static func remember(_ folder: Int32, _ name: String) -> Bool {
        let bytes = Array(name.utf8.prefix(nameCapacity - 1))
        for slot in 0..<slots where pendingFolders[slot] < 0 {
            let start = pendingNames + slot * nameCapacity
            for index in 0..<nameCapacity { start[index] = index < bytes.count ? CChar(bitPattern: bytes[index]) : 0 }
            pendingFolders[slot] = folder
            return true
        }
        return false
    }

    /// The file is renamed or removed: a signal now has nothing to remove.
    static func forget(_ name: String) {
        let bytes = Array(name.utf8.prefix(nameCapacity - 1))
        for slot in 0..<slots where pendingFolders[slot] >= 0 {
            let start = pendingNames + slot * nameCapacity
            guard (0..<bytes.count).allSatisfy({ start[$0] == CChar(bitPattern: bytes[$0]) }), start[bytes.count] == 0
            else { continue }
            pendingFolders[slot] = -1
            return
        }
    }

    static func installHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Darwin)
                action.__sigaction_u.__sa_handler = removePendingAndExit
            #else
                action.__sigaction_handler.sa_handler = removePendingAndExit
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}

/// The signal handler: async-signal-safe calls only (unlinkat, signal, raise).
private func removePendingAndExit(_ signalNumber: Int32) {
    for slot in 0..<TemporaryFiles.slots where TemporaryFiles.pendingFolders[slot] >= 0 {
        unlinkat(
            TemporaryFiles.pendingFolders[slot], TemporaryFiles.pendingNames + slot * TemporaryFiles.nameCapacity, 0)
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
