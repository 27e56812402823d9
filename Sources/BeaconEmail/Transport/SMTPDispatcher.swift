import BeaconChannelAPI
import BeaconCore
import Foundation

/// Sends messages over a few SMTP connections at once, each on its own thread (libcurl
/// blocks, so it stays off Swift's cooperative pool). Messages are composed on other threads,
/// one per core, a little ahead of the connections, so a connection never waits for its next
/// message to be rendered. Temporary refusals are retried with backoff a bounded number of
/// times; permanent ones are recorded and the rest carry on; a server that cannot be used at
/// all stops the run with one clear error.
final class SMTPDispatcher: @unchecked Sendable {
    /// A message ready to send, with the delivery it is for (none when sending composed messages).
    struct Outgoing: Sendable {
        let delivery: Delivery?
        let message: EmailComposer.Message
    }

    private let settings: SMTPSettings
    private let lock = NSLock()
    private var nextSend = Date.distantPast
    private var failure: ChannelFailure?

    init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Pulls deliveries (one composer at a time, so the sequence need not be thread-safe)
    /// until they run out, the server fails or `log` says to stop; each connection records a
    /// delivery's outcome in `log` before it hands the server the next message. What was
    /// composed but not sent stays unrecorded, so pending for the next run.
    func run(
        _ deliveries: some Sequence<Delivery>, compose: @escaping @Sendable (Delivery) -> Result<EmailComposer.Message, EmailChannel.Unsendable>,
        log: any DeliveryLog
    ) throws(ChannelFailure) {
        let queue = OutgoingQueue(capacity: 16 * settings.connections)
        // Composing stops once the server has failed, the run is stopping or the connections have closed the queue.
        ComposerThreads(deliveries).start(named: "beacon-compose", carryOn: { [self] in lock.withLock { failure == nil } && log.mayHandOver && !queue.isClosed }) { delivery in
            switch compose(delivery) {
            case .success(let message): _ = queue.push(Outgoing(delivery: delivery, message: message))
            case .failure(let unsendable): log.record(delivery, .failed(unsendable.reason))
            }
        } finished: {
            queue.close()
        }
        try send(queue, mayHandOver: { log.mayHandOver }, record: { outgoing, outcome in log.record(outgoing.delivery!, outcome) })
    }

    /// Sends messages already composed, in order of `messages` as connections free up.
    func run(composed messages: [EmailComposer.Message]) throws(ChannelFailure) -> [DeliveryOutcome] {
        let queue = OutgoingQueue(capacity: messages.count)
        for message in messages { _ = queue.push(Outgoing(delivery: nil, message: message)) }
        queue.close()
        let outcomes = Outcomes()
        try send(queue, mayHandOver: { true }, record: { _, outcome in outcomes.append(outcome) })
        return outcomes.all
    }

    private func send(
        _ queue: OutgoingQueue, mayHandOver: @escaping @Sendable () -> Bool, record: @escaping @Sendable (Outgoing, DeliveryOutcome) -> Void
    ) throws(ChannelFailure) {
        let connections = DispatchGroup()
        for index in 0..<settings.connections {
            connections.enter()
            ComposerThreads.thread("beacon-smtp-\(index + 1)") { [self] in
                let connection = SMTPConnection(settings: settings)
                // Asked again after taking a message: it may have waited in the queue while the
                // run was told to stop or the ledger filled its disk.
                while lock.withLock({ failure == nil }), mayHandOver(), let outgoing = queue.pop(), mayHandOver() {
                    // Unrecorded when the server cannot be used at all: the delivery stays
                    // pending for the next run instead of using up one of its attempts.
                    if let outcome = send(outgoing.message, over: connection) { record(outgoing, outcome) }
                }
                connections.leave()
            }
        }
        connections.wait()
        queue.close()
        if let failure { throw failure }
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

/// Outcomes of composed messages, from every connection.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [DeliveryOutcome] = []

    func append(_ outcome: DeliveryOutcome) { lock.withLock { outcomes.append(outcome) } }
    var all: [DeliveryOutcome] { lock.withLock { outcomes } }
}
