import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's lock on a file beside the ledger, held while a process opens it: two processes
/// opening a new ledger at once would otherwise both try to create its tables.
enum SetupLock {
    static func exclusively<T>(at path: String, _ body: () throws -> T) rethrows -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
        defer { if descriptor >= 0 { close(descriptor) } }
        return try body()
    }
}
