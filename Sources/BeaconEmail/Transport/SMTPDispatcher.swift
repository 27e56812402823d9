import BeaconCore
import Foundation

/// Sends messages over a few SMTP connections at once, each on its own thread (libcurl
/// blocks, so it stays off Swift's cooperative pool). Temporary refusals are retried with
/// backoff a bounded number of times; permanent ones are recorded and the rest carry on; a
/// server that cannot be used at all stops the run with one clear error.
final class SMTPDispatcher: @unchecked Sendable {
    private let settings: SMTPSettings
    private let lock = NSLock()
    private var nextSend = Date.distantPast
    private var failure: ChannelFailure?

    init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Pulls deliveries (one worker at a time, so the sequence need not be thread-safe) until
    /// they run out or the server fails; each worker composes its own messages, and `record`
    /// is called from worker threads as each delivery completes.
    func run(
        _ deliveries: some Sequence<Delivery>, compose: @escaping @Sendable (Delivery) -> EmailComposer.Message?,
        record: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void
    ) throws(ChannelFailure) {
        let source = WorkSource(deliveries)
        let group = DispatchGroup()
        for index in 0..<settings.connections {
            group.enter()
            let worker = Thread { [self] in
                let connection = SMTPConnection(settings: settings)
                while let delivery = take(from: source) {
                    guard let message = compose(delivery) else {
                        record(delivery, .failed(EmailChannel.notToAPerson))
                        continue
                    }
                    // Unrecorded when the server cannot be used at all: the delivery stays
                    // pending for the next run instead of using up one of its attempts.
                    if let outcome = send(message, over: connection) { record(delivery, outcome) }
                }
                group.leave()
            }
            worker.name = "beacon-smtp-\(index + 1)"
            worker.start()
        }
        group.wait()
        if let failure { throw failure }
    }

    private func take(from source: WorkSource) -> Delivery? {
        lock.withLock { failure == nil ? source.next() : nil }
    }

    private func send(_ message: EmailComposer.Message, over connection: SMTPConnection) -> DeliveryOutcome? {
        var delay = settings.retryDelay
        for attempt in 1...settings.attempts {
            waitForRate()
            switch connection.send(message.bytes, from: message.sender, to: message.recipient) {
            case .accepted(let reply):
                return .delivered(reply)
            case .permanent(let reply):
                return .failed(reply)
            case .fatal(let reason):
                lock.withLock { if failure == nil { failure = ChannelFailure(reason) } }
                return nil
            case .temporary(let reply):
                guard attempt < settings.attempts else {
                    return .deferred("\(reply) (after \(settings.attempts) attempts)")
                }
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
        }
        return .deferred("not attempted")
    }

    /// Spaces sends evenly across all connections when a rate is set.
    private func waitForRate() {
        guard let rate = settings.messagesPerSecond else { return }
        let slot: Date = lock.withLock {
            let slot = max(Date(), nextSend)
            nextSend = slot.addingTimeInterval(1 / rate)
            return slot
        }
        let wait = slot.timeIntervalSinceNow
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }
}

/// The deliveries still to send. Only touched under the dispatcher's lock.
private final class WorkSource: @unchecked Sendable {
    private let pull: () -> Delivery?

    init(_ deliveries: some Sequence<Delivery>) {
        var iterator = deliveries.makeIterator()
        pull = { iterator.next() }
    }

    func next() -> Delivery? { pull() }
}
