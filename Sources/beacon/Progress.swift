import Foundation

/// A one-line count on a terminal while channels work; silent when output goes to a file or
/// cron, where only the summary matters.
final class Progress: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private let enabled = isatty(STDERR_FILENO) == 1

    init(label: String) {
        self.label = label
    }

    /// How many steps there will be at most.
    func expect(_ steps: Int) { lock.withLock { total = steps } }

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
