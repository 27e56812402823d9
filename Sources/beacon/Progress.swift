import Foundation

/// A one-line count on a terminal while a channel works; silent when output goes to a file
/// or cron, where only the summary matters.
final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let lock = NSLock()
    private var done = 0
    private let enabled = isatty(STDERR_FILENO) == 1

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func step() {
        guard enabled else { return }
        let line = lock.withLock {
            done += 1
            return "\r\(label): \(done) of up to \(total)"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, lock.withLock({ done }) > 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
