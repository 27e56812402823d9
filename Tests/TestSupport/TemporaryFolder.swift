public import Foundation

/// Folders for one test's files, all under one folder per test process that is removed when
/// the process exits; folders left by a test process that crashed are removed by the next.
public enum TemporaryFolder {
    private static let prefix = "beacon-tests-"
    private static let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())")

    private static let prepared: Void = {
        let base = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(prefix) {
            if let process = pid_t(name.dropFirst(prefix.count)), kill(process, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.root) }
    }()

    /// A new, empty folder named after `purpose`.
    public static func make(_ purpose: String) throws -> URL {
        _ = prepared
        let folder = root.appendingPathComponent("\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
