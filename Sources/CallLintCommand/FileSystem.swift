import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system calls the command needs, straight on POSIX: no Foundation start-up on
/// the path of a one-file pre-commit run, and every failure keeps its errno message.
public enum FileSystem {
    enum Kind {
        case regular(size: Int), directory, other(String)
    }

    static func errorMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The user id that owns a path, without following a final link.
    static func owner(of path: String) -> uid_t? {
        var info = stat()
        return lstat(FileName.systemBytes(path), &info) == 0 ? info.st_uid : nil
    }

    static var effectiveUser: uid_t { geteuid() }

    /// The path with every link resolved, or nil when it cannot be (a dangling link).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(FileName.systemBytes(path), nil) else { return nil }
        defer { free(resolved) }
        return FileName.decode(
            UnsafeBufferPointer(start: resolved, count: strlen(resolved)).map { UInt8(bitPattern: $0) })
    }

    /// Whether anything is at a path, a dangling link included.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(FileName.systemBytes(path), &info) == 0
    }

    /// What a path is, without following a link.
    static func entryType(of path: String) -> EntryType {
        var info = stat()
        guard lstat(FileName.systemBytes(path), &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    static func kind(of path: String) -> Result<Kind, IOFailure> {
        var info = stat()
        let name = FileName.systemBytes(path)
        guard stat(name, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ENOENT, lstat(name, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                return .failure(IOFailure(message: "dangling symbolic link (its target does not exist)", code: ELOOP))
            }
            return .failure(IOFailure(message: errorMessage(code), code: code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.regular(size: Int(info.st_size)))
        case S_IFDIR: return .success(.directory)
        case S_IFIFO: return .success(.other("a named pipe (FIFO)"))
        case S_IFSOCK: return .success(.other("a socket"))
        case S_IFCHR, S_IFBLK: return .success(.other("a device"))
        default: return .success(.other("not a regular file"))
        }
    }

    /// Reads a whole file descriptor. `sizeHint` (a regular file's size) sizes the buffer
    /// once, uninitialised, so a small file costs one allocation and one read.
    /// More than `limit` bytes is a failure, found from the size before anything is read, or
    /// by reading no further than the limit (a file that grows, a device, a pipe).
    static func readAll(descriptor: Int32, sizeHint: Int = 0, limit: Int) -> Result<[UInt8], IOFailure> {
        var sizeHint = sizeHint
        if sizeHint < 0 {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(IOFailure(message: errorMessage(errno))) }
            sizeHint = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        }
        guard sizeHint <= limit else { return .failure(InputLimits.tooLarge(limit)) }
        let capacity = max(sizeHint + 1, 4096)
        var failure: Int32 = 0
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let got = read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 {
                    reachedEnd = true
                    return
                }
                count += got
                if count == sizeHint, sizeHint > 0 {
                    // All the bytes its size promised: no extra read to see the end.
                    reachedEnd = true
                    return
                }
            }
        }
        if failure != 0 { return .failure(IOFailure(message: errorMessage(failure))) }
        // The file was larger than its size said (it grew, or it is a pipe): read on, no
        // further than the limit.
        while !reachedEnd {
            guard bytes.count <= limit else { return .failure(InputLimits.tooLarge(limit)) }
            switch readChunk(descriptor: descriptor, count: min(1 << 20, limit + 1 - bytes.count)) {
            case .failure(let error): return .failure(error)
            case .success(let chunk):
                if chunk.isEmpty { reachedEnd = true } else { bytes += chunk }
            }
        }
        guard bytes.count <= limit else { return .failure(InputLimits.tooLarge(limit)) }
        return .success(bytes)
    }

    /// Up to `count` bytes; empty at the end. A closed descriptor reads as an error.
    static func readChunk(descriptor: Int32, count: Int) -> Result<[UInt8], IOFailure> {
        var failure: Int32 = 0
        // Uninitialised: a block of a stream is read straight into fresh memory, not zeroed first.
        let buffer = [UInt8](unsafeUninitializedCapacity: max(1, count)) { buffer, initialized in
            initialized = 0
            while true {
                let got = read(descriptor, buffer.baseAddress!, count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                initialized = got
                return
            }
        }
        guard failure == 0 else {
            return .failure(IOFailure(message: failure == EBADF ? closedStandardInput : errorMessage(failure)))
        }
        return .success(buffer)
    }

    static func openForReading(_ path: String) -> Result<Int32, IOFailure> {
        let descriptor = open(FileName.systemBytes(path), O_RDONLY | O_CLOEXEC)
        return descriptor >= 0 ? .success(descriptor) : .failure(IOFailure(message: errorMessage(errno)))
    }

    static func closeDescriptor(_ descriptor: Int32) { close(descriptor) }

    /// What a folder entry is, without following a link.
    enum EntryType { case regular, directory, symbolicLink, other }

    /// Entries of a directory, without "." and "..", with the type the directory records
    /// (which spares a stat per file; lstat decides where the file system does not say), or
    /// why it cannot be listed.
    static func entries(of path: String) -> Result<[(name: String, type: EntryType)], IOFailure> {
        guard let directory = opendir(FileName.systemBytes(path)) else {
            return .failure(IOFailure(message: errorMessage(errno)))
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            // Decoded from a contiguous buffer: from a generic slice, the decoding went byte by
            // byte, a fifth of the time spent listing 10,000 files.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let length = raw.firstIndex(of: 0) ?? raw.count
                return FileName.decode(
                    UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: length))
            }
            guard name != "." && name != ".." else { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .regular
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symbolicLink
            case Int32(DT_UNKNOWN): type = entryType(of: (path.hasSuffix("/") ? path : path + "/") + name)
            default: type = .other  // FIFOs, sockets, devices
            }
            entries.append((name, type))
        }
        return .success(entries)
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The working directory's absolute path, or nil when it has none the system can give: it
    /// was deleted, or its path is longer than PATH_MAX.
    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil, buffer.first == CChar(UInt8(ascii: "/")) else { return nil }
        return FileName.decode(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
    }

    static let closedStandardInput = "standard input is closed"

    /// Opens /dev/null on each of descriptors 0, 1 and 2 that is closed, before anything else
    /// is opened: otherwise the first file opened would take its number, and a report or a
    /// message meant for standard output would be written into a payload or a SARIF file.
    /// - Returns: the descriptors that were closed, or nil when one could not be filled (no
    ///   /dev/null): then nothing is safe to open.
    public static func reopenClosedStandardDescriptors() -> Set<Int32>? {
        var closed: Set<Int32> = []
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            guard opened >= 0 else { return nil }
            // The lowest free number is taken, which is this one unless a lower one was closed.
            if opened != descriptor {
                guard dup2(opened, descriptor) == descriptor else { return nil }
                close(opened)
            }
            closed.insert(descriptor)
        }
        return closed
    }

    /// Writes all of `bytes` to a descriptor: a file being fixed, a report file, standard
    /// output or error. A full non-blocking pipe (EAGAIN) is waited on, not taken for a failure.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Result<Void, IOFailure> {
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                default:
                    let code = errno
                    return .failure(IOFailure(message: errorMessage(code), code: code))
                }
            }
            written += result
        }
        return .success(())
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Result<Void, IOFailure> {
        bytes.withUnsafeBufferPointer { writeAll(descriptor, $0) }
    }
}
