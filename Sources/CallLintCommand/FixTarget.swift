import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened for `--fix`: the folder it is in held open, the file read through that folder
/// without following a link, and what the file was when read (identity, size, modification
/// time, owner, mode). The write goes to the very file that was read, by way of the held
/// folder, only if it is unchanged since, and keeps its owner, group, mode and extended
/// attributes (ACLs among them); otherwise nothing is written and the reason is given.
final class FixTarget {
    let path: String
    let bytes: [UInt8]
    private let directory: Int32
    /// The file's name in its folder, as the system has it.
    private let name: [CChar]
    /// The file that was read, held open: its extended attributes are copied from it.
    private let file: Int32
    private let status: stat

    private init(path: String, bytes: [UInt8], directory: Int32, name: [CChar], file: Int32, status: stat) {
        self.path = path
        self.bytes = bytes
        self.directory = directory
        self.name = name
        self.file = file
        self.status = status
    }

    deinit {
        close(file)
        close(directory)
    }

    /// Opens and reads a file to fix, or says why it will not be fixed.
    static func open(_ path: String, limit: Int, attempt: Int = 0) -> Result<FixTarget, IOFailure> {
        let (folder, name) = PathUtilities.folderAndName(path)
        let directory = openFolder(folder)
        guard directory >= 0 else { return .failure(failure("cannot open its folder: ")) }
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            close(directory)
            if code == ELOOP {
                return .failure(
                    IOFailure(
                        message:
                            "is a symbolic link; --fix does not replace a link with a file: name the file it points to")
                )
            }
            return .failure(IOFailure(message: FileSystem.errorMessage(code)))
        }
        func fail(_ failure: IOFailure) -> Result<FixTarget, IOFailure> {
            close(descriptor)
            close(directory)
            return .failure(failure)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return fail(failure("")) }
        if let refusal = refusal(info) { return fail(IOFailure(message: refusal)) }
        // Held from the read to the rename, so that two runs fixing one file (an editor's
        // fix-on-save and a hook) take turns: the second reads what the first wrote.
        if let refusal = lock(descriptor) { return fail(refusal) }
        // The first may have replaced the file while this one waited: read the new one.
        var now = stat()
        if fstatat(directory, name, &now, AT_SYMLINK_NOFOLLOW) == 0, FileIdentity(now) != FileIdentity(info) {
            close(descriptor)
            close(directory)
            guard attempt < 20 else {
                return .failure(IOFailure(message: "it kept being replaced while call-lint waited to fix it"))
            }
            return open(path, limit: limit, attempt: attempt + 1)
        }
        switch FileSystem.readAll(descriptor: descriptor, sizeHint: Int(info.st_size), limit: limit) {
        case .failure(let failure):
            return fail(failure)
        case .success(let bytes):
            return .success(
                FixTarget(path: path, bytes: bytes, directory: directory, name: name, file: descriptor, status: info))
        }
    }

    /// Takes the advisory lock that other call-lint runs fixing the file take, waiting a while
    /// for one that holds it; where the file system has no locks, the checks that the file is
    /// unchanged before the rename still stand.
    static func lock(_ descriptor: Int32) -> IOFailure? {
        for _ in 0..<lockAttempts {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return nil }
            let code = errno
            switch code {
            case EWOULDBLOCK, EINTR: usleep(10_000)
            case ENOLCK, EOPNOTSUPP, EINVAL: return nil
            default: return IOFailure(message: "cannot lock it: " + FileSystem.errorMessage(code), code: code)
            }
        }
        return IOFailure(message: "another process has held its lock for \(lockAttempts / 100) s; not fixed, run again")
    }

    /// Attempts 10 ms apart: a minute.
    static let lockAttempts = 6_000

    /// Why a file is not one `--fix` rewrites, or nil.
    static func refusal(_ info: stat) -> String? {
        guard info.st_mode & S_IFMT == S_IFREG else { return "not a regular file; --fix rewrites regular files only" }
        if info.st_nlink > 1 {
            return "has \(info.st_nlink) hard links; rewriting it would split them: fix one of its names by hand"
        }
        if !isWritableByCaller(info) { return "is read-only for you; --fix does not rewrite it" }
        return nil
    }

    /// Whether the mode lets the caller write the file. Root may write anything, but a file
    /// no one may write is read-only on purpose, and --fix respects that too.
    static func isWritableByCaller(_ info: stat) -> Bool {
        let user = geteuid()
        if user == 0 { return info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 }
        if info.st_uid == user { return info.st_mode & S_IWUSR != 0 }
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)) + 1)
        let count = Int(getgroups(Int32(groups.count), &groups))
        if info.st_gid == getegid() || groups.prefix(max(0, count)).contains(info.st_gid) {
            return info.st_mode & S_IWGRP != 0
        }
        return info.st_mode & S_IWOTH != 0
    }

    /// The file as it is at its name now, without following a link.
    private func current() -> stat? {
        var info = stat()
        return fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// Whether the file at the name is still the file read, unchanged.
    private func isUnchanged() -> Bool {
        guard let now = current() else { return false }
        return now.st_dev == status.st_dev && now.st_ino == status.st_ino && now.st_size == status.st_size
            && Self.modificationTime(now) == Self.modificationTime(status)
    }

    static func modificationTime(_ info: stat) -> (Int, Int) {
        #if canImport(Darwin)
            return (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
        #else
            return (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        #endif
    }

    /// Replaces the file's text, atomically: a new file in the held folder takes the original's
    /// owner, group, mode and extended attributes, is synced, and is renamed over the original
    /// after a last check that the original has not changed.
    func write(_ fixed: [UInt8]) -> Result<Void, IOFailure> {
        guard isUnchanged() else {
            return .failure(IOFailure(message: "it changed while call-lint was checking it; not written, run again"))
        }
        let replacement: ReplacementFile
        switch ReplacementFile.create(in: directory) {
        case .failure(let failure): return .failure(failure)
        case .success(let created): replacement = created
        }
        let descriptor = replacement.descriptor
        func fail(_ message: String) -> Result<Void, IOFailure> {
            replacement.discard()
            return .failure(IOFailure(message: message))
        }
        if case .failure(let failure) = replacement.write(fixed) { return fail(failure.message) }
        // Owner and group first: changing the owner clears set-user-ID, so the mode comes after.
        if fchown(descriptor, status.st_uid, status.st_gid) != 0 {
            let code = errno
            if status.st_uid != geteuid() || code != EPERM {
                return fail("cannot keep its owner and group (\(FileSystem.errorMessage(code))); not written")
            }
        }
        if fchmod(descriptor, status.st_mode & 0o7777) != 0 { return fail("cannot keep its mode: " + Self.lastError) }
        if let problem = copyExtendedAttributes(to: descriptor) { return fail(problem) }
        return replacement.commit(as: name) {
            isUnchanged()
                ? nil : IOFailure(message: "it changed while call-lint was fixing it; not written, run again")
        }
    }

    static var lastError: String { FileSystem.errorMessage(errno) }

    private static func failure(_ prefix: String) -> IOFailure {
        IOFailure(message: prefix + lastError)
    }

    /// Copies the original's extended attributes (POSIX ACLs are kept as such) to the new file.
    private func copyExtendedAttributes(to target: Int32) -> String? {
        guard let calls = ExtendedAttributeCalls.shared else { return nil }
        let source = file
        let size = calls.list(source, nil, 0)
        if size < 0 { return errno == ENOTSUP ? nil : "cannot list its extended attributes: " + Self.lastError }
        guard size > 0 else { return nil }
        var names = [CChar](repeating: 0, count: size)
        let listed = calls.list(source, &names, size)
        guard listed >= 0 else { return "cannot list its extended attributes: " + Self.lastError }
        var start = 0
        while start < listed {
            let end = names[start..<listed].firstIndex(of: 0) ?? listed
            let attributeName = names[start..<end]
            let attribute = Array(attributeName) + [0]
            start = end + 1
            let length = calls.get(source, attribute, nil, 0)
            guard length >= 0 else { return "cannot read its extended attributes: " + Self.lastError }
            var value = [UInt8](repeating: 0, count: max(1, length))
            let read = calls.get(source, attribute, &value, length)
            guard read >= 0 else { return "cannot read its extended attributes: " + Self.lastError }
            if calls.set(target, attribute, value, read, 0) != 0 {
                let shown = String(decoding: attributeName.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                return "cannot keep its extended attribute \(shown): \(Self.lastError); not written"
            }
        }
        return nil
    }
}

/// flistxattr, fgetxattr and fsetxattr, looked up in the C library at run time: the Swift
/// module of the C library does not bring <sys/xattr.h>. Nil where they are not (macOS has
/// other signatures; there extended attributes are not copied).
struct ExtendedAttributeCalls {
    typealias List = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32
    let list: List
    let get: Get
    let set: Set

    static let shared: ExtendedAttributeCalls? = {
        #if os(Linux)
            let library = dlopen(nil, RTLD_NOW)
            guard let list = dlsym(library, "flistxattr"), let get = dlsym(library, "fgetxattr"),
                let set = dlsym(library, "fsetxattr")
            else { return nil }
            return ExtendedAttributeCalls(
                list: unsafeBitCast(list, to: List.self), get: unsafeBitCast(get, to: Get.self),
                set: unsafeBitCast(set, to: Set.self))
        #else
            return nil
        #endif
    }()
}

private func openFolder(_ path: String) -> Int32 {
    open(FileName.systemBytes(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
}
