import Foundation

/// Values worked out once and shared by the threads that assemble readers' issues, by a typed key.
/// A thread that asks for a value another is still working out waits for it rather than
/// working it out again. With `limit`, only the most recently added values are kept: enough
/// when readers who share a value come one after another, as `send` orders them.
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Value?
    }

    private let lock = NSLock()
    private var slots: [Key: Slot] = [:]
    private var order: [Key] = []
    private let limit: Int?

    init(limit: Int? = nil) {
        self.limit = limit
    }

    func value(_ key: Key, make: () -> Value) -> Value {
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            if let limit {
                order.append(key)
                if order.count > limit { slots[order.removeFirst()] = nil }
            }
            return slot
        }
        return slot.lock.withLock {
            if let value = slot.value { return value }
            let value = make()
            slot.value = value
            return value
        }
    }
}
