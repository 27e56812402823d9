public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader never sees half of one: a temporary file in the same folder,
/// then a rename over the target. A failure leaves the previous file in place, and a
/// temporary file a killed writer left behind is removed the next time a process writes in
/// that folder.
public enum AtomicFile {
    /// Who may read what is written.
    public enum Access: Sendable {
        /// Meant to be published, such as a feed a web server serves: readable by everyone.
        case published
        /// Holds names or addresses (an outbox message, a report): readable by its owner only,
        /// in folders only its owner can open.
        case personal

        var fileMode: mode_t { self == .published ? 0o644 : 0o600 }
        var folderMode: Int { self == .published ? 0o755 : 0o700 }
    }

    public static func write(_ data: Data, to url: URL, access: Access) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder, access: access)
        LeftoverTemporaryFiles.sweepOnce(folder)
        let temporary = folder.appendingPathComponent(LeftoverTemporaryFiles.name(for: url.lastPathComponent))
        do {
            try writeNew(data, to: temporary.path, mode: access.fileMode)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(.init(rawValue: errno) ?? .EIO)])
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    private static func makeFolder(_ folder: URL, access: Access) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: access.folderMode])
        } catch {
            // Another thread writing to the same folder may have made it a moment earlier.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { throw error }
        }
    }

    /// Creates `path` with `mode` from the start, so personal data is never readable by
    /// others even for a moment, and writes every byte or throws (a full disk included).
    private static func writeNew(_ data: Data, to path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        // The umask may have taken bits away; a published file is still meant for everyone.
        fchmod(descriptor, mode)
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(.init(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
