import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file as the system knows it, whatever its names: its device and inode. Two paths that
/// spell one file differently (`./a.json` and `a.json`, a link and its target, two hard links)
/// have one identity.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The file at a path, following links; nil when there is none.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(FileName.systemBytes(path), &info) == 0 ? FileIdentity(info) : nil
    }
}
