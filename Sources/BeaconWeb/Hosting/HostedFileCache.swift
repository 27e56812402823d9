import Foundation

/// The hosted files last read, kept while they are unchanged on disk, so answering a feed
/// reader costs one `lstat` and no read, hash or gzip. Bounded in bytes: the least recently
/// asked-for files go first.
final class HostedFileCache: @unchecked Sendable {
    private struct Entry {
        let file: HostedFile
        var lastUse: UInt64
        var bytes: Int { file.body.readableBytes + (file.gzipped?.readableBytes ?? 0) }
    }

    private let budget: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var total = 0
    private var clock: UInt64 = 0

    init(budget: Int = 64 << 20) {
        self.budget = budget
    }

    /// The file at `path` if it is the version `identity` names, or reads and keeps the
    /// version there now; nil when there is no regular file there.
    func file(at path: String, identity: FileIdentity) throws -> HostedFile? {
        let cached: HostedFile? = lock.withLock {
            guard var entry = entries[path], entry.file.identity == identity else { return nil }
            clock += 1
            entry.lastUse = clock
            entries[path] = entry
            return entry.file
        }
        if let cached { return cached }
        guard let file = try HostedFile.read(path) else { return nil }
        keep(file, at: path)
        return file
    }

    private func keep(_ file: HostedFile, at path: String) {
        lock.withLock {
            clock += 1
            let entry = Entry(file: file, lastUse: clock)
            guard entry.bytes <= budget / 4 else { return }
            if let replaced = entries.updateValue(entry, forKey: path) { total -= replaced.bytes }
            total += entry.bytes
            while total > budget, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                entries[oldest.key] = nil
                total -= oldest.value.bytes
            }
        }
    }
}
