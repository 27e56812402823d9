import Foundation

/// Values worked out once and shared by the threads that assemble readers' issues, by key.
/// With `limit`, only the most recently added values are kept: enough when readers who share
/// a value come one after another, as `send` orders them.
final class SharedCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Value] = [:]
    private var order: [String] = []
    private let limit: Int?

    init(limit: Int? = nil) {
        self.limit = limit
    }

    func value(_ key: String, make: () -> Value) -> Value {
        if let known = lock.withLock({ entries[key] }) { return known }
        let made = make()
        lock.withLock {
            guard entries.updateValue(made, forKey: key) == nil, let limit else { return }
            order.append(key)
            if order.count > limit { entries[order.removeFirst()] = nil }
        }
        return made
    }
}
