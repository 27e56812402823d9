#if canImport(Glibc)
import Glibc
#endif

/// Which version of a file a path holds, told without reading it. The channels replace a file
/// by renaming a new one over it, so a new version is a new inode; size and modification time
/// catch a file edited in place.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
    }

    /// What `path` is, without following a symbolic link at its end.
    enum Kind { case regularFile(FileIdentity), folder, other }

    static func kind(at path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regularFile(FileIdentity(status))
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}
