import Foundation

/// Composed messages waiting for a connection. Bounded, so composing stays only a little
/// ahead of sending and a large run never holds many messages in memory.
final class OutgoingQueue: @unchecked Sendable {
    private let condition = NSCondition()
    /// Taken messages are cleared at once, so a sent message is not held until the next compaction.
    private var items: [SMTPDispatcher.Outgoing?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false once the queue is closed (the connections have stopped).
    func push(_ item: SMTPDispatcher.Outgoing) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for a message; nil once the queue is closed and empty.
    func pop() -> SMTPDispatcher.Outgoing? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// No more messages will come, or none will be taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
