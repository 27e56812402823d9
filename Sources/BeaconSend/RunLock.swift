public import BeaconLedger
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One sending run at a time per data folder. The lock is the kernel's (`flock`), so it is
/// released when the process ends however it ends, even by `kill -9` or a power cut.
public final class RunLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock in `folder`, or throws `.busy` naming the holder. With `waiting`, polls
    /// until it is free or `shouldStop` says to give up.
    public static func acquire(
        in folder: URL, waiting: Bool = false, shouldStop: () -> Bool = { false }
    ) throws(LedgerError) -> RunLock {
        let path = folder.appendingPathComponent("beacon.lock").path
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard waiting, !shouldStop() else {
                close(descriptor)
                throw .busy(holder: holder(path))
            }
            usleep(200_000)
        }
        let holder = "process \(getpid()), since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = holder.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return RunLock(descriptor: descriptor)
    }

    /// Who holds the lock, as they wrote it; a holder that has only just taken it may not have
    /// written yet, so an empty file is read again for a moment.
    private static func holder(_ path: String) -> String {
        for _ in 0..<10 {
            let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !text.isEmpty { return text }
            usleep(50_000)
        }
        return "holder unknown"
    }
}
