import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files `AtomicFile` writes before a rename, named so that one left by a
/// writer that was killed can be told from one being written now: each carries the process
/// that made it. The first time a process writes in a folder it removes those of processes
/// that no longer run (and those of earlier versions, which named no process).
enum LeftoverTemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var swept: Set<String> = []

    /// `.feed.xml.beacon-4242-<uuid>.tmp`: hidden, and ignored by git and web servers alike.
    static func name(for file: String) -> String {
        ".\(file).beacon-\(getpid())-\(UUID().uuidString).tmp"
    }

    /// Removes leftovers in `folder`, once per process; other threads wait until it is done,
    /// so none of their own files can be taken for a leftover.
    static func sweepOnce(_ folder: URL) {
        lock.lock()
        defer { lock.unlock() }
        guard swept.insert(folder.standardizedFileURL.path).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && isLeftover(name) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private static func isLeftover(_ name: String) -> Bool {
        let parts = name.dropLast(".tmp".count).split(separator: ".")
        guard let last = parts.last else { return false }
        if last.hasPrefix("beacon-") {
            let fields = last.split(separator: "-", maxSplits: 2)
            guard fields.count == 3, let process = pid_t(fields[1]) else { return false }
            return process != getpid() && kill(process, 0) != 0 && errno == ESRCH
        }
        // Earlier versions wrote `.name.<uuid>.tmp`; only one send runs at a time, so any is stale.
        return UUID(uuidString: String(last)) != nil
    }
}
