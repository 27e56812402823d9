import BeaconChannelAPI
import BeaconCore
import Foundation

/// Threads, one per core, that take deliveries one at a time and compose them. The sequence
/// is pulled under a lock, so it need not be thread-safe; on plain threads, since the work
/// blocks on files and sockets and the sequence may use every core itself to assemble.
final class ComposerThreads: @unchecked Sendable {
    private let lock = NSLock()
    private let pull: () -> Delivery?

    init(_ deliveries: some Sequence<Delivery>) {
        var iterator = deliveries.makeIterator()
        pull = { iterator.next() }
    }

    /// Hands each delivery to `body` on one of the threads until they run out or
    /// `carryOn` turns false, then calls `finished` once, on one of them.
    func start(
        named name: String, carryOn: @escaping @Sendable () -> Bool, _ body: @escaping @Sendable (Delivery) -> Void,
        finished: @escaping @Sendable () -> Void
    ) {
        let threads = DispatchGroup()
        for index in 0..<ProcessInfo.processInfo.activeProcessorCount {
            threads.enter()
            Self.thread("\(name)-\(index + 1)") { [self] in
                while let delivery = lock.withLock({ carryOn() ? pull() : nil }) { body(delivery) }
                threads.leave()
            }
        }
        Self.thread("\(name)-done") {
            threads.wait()
            finished()
        }
    }

    /// As `start`, returning once every delivery has been handed over and dealt with.
    func run(named name: String, carryOn: @escaping @Sendable () -> Bool, _ body: @escaping @Sendable (Delivery) -> Void) {
        let done = DispatchSemaphore(value: 0)
        start(named: name, carryOn: carryOn, body, finished: { done.signal() })
        done.wait()
    }

    static func thread(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }
}
