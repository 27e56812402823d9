public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation

/// Writes each delivery's outcome to the ledger as channels report them, from any thread. A
/// delivery handed to a server returns to the channel only once its outcome is on disk: a
/// connection hands the server its next message only after the last one is on record, so a
/// kill or a power cut can make at most one message per connection arrive twice. Outcomes that
/// arrive while a commit is on its way to disk go together in the next one, so a safe commit
/// per message does not limit how fast mail goes out. A repeatable delivery (a file written
/// again the same) does not wait: whichever thread finds no commit under way writes what is
/// queued. If the ledger cannot be written (a full disk), `stop` is set and channels are told
/// to hand nothing more over.
public final class OutcomeRecorder: @unchecked Sendable {
    private typealias Mark = DeliveryMark

    private let ledger: any DeliveryLedger
    private let run: LedgerRun
    private let policy: RetryPolicy
    private let stop: StopSignal
    private let now: @Sendable () -> Date
    private let condition = NSCondition()
    private var queue: [Mark] = []
    /// Marks are numbered as they are queued; those up to `durable` are on disk.
    private var queued: UInt64 = 0
    private var durable: UInt64 = 0
    private var writing = false
    private var failure: LedgerError?

    public init(ledger: any DeliveryLedger, run: LedgerRun, policy: RetryPolicy, stop: StopSignal, now: @escaping @Sendable () -> Date) {
        self.ledger = ledger
        self.run = run
        self.policy = policy
        self.stop = stop
        self.now = now
    }

    /// Records what a channel reported for `delivery`, deciding the retry for a deferral; with
    /// `waitingForDisk`, returns once it is on disk (or the ledger has failed). Returns the
    /// state recorded.
    @discardableResult
    public func record(_ delivery: LedgerDelivery, _ outcome: DeliveryOutcome, waitingForDisk: Bool = true) -> DeliveryState {
        let attempt = delivery.attempts + 1
        let mark: Mark
        switch outcome {
        case .delivered(let reply):
            mark = Mark(delivery: delivery.id, state: .sent, attempts: attempt, nextAttemptAt: nil, reply: reply)
        case .failed(let reply):
            mark = Mark(delivery: delivery.id, state: .failed, attempts: attempt, nextAttemptAt: nil, reply: reply)
        case .deferred(let reply):
            if let delay = policy.delay(after: attempt) {
                mark = Mark(delivery: delivery.id, state: .deferred, attempts: attempt, nextAttemptAt: now().addingTimeInterval(delay), reply: reply)
            } else {
                mark = Mark(delivery: delivery.id, state: .failed, attempts: attempt, nextAttemptAt: nil,
                            reply: "gave up after \(attempt) attempts; last reply: \(reply)")
            }
        }
        let ticket = enqueue(mark)
        if waitingForDisk { waitUntilDurable(ticket) } else { commitIfFree() }
        return mark.state
    }

    /// Records that `delivery` will not be sent, and why. Nothing was handed over, so it need
    /// not wait for the disk: it goes with the next commit.
    public func skip(_ delivery: LedgerDelivery, because reason: String) {
        _ = enqueue(Mark(delivery: delivery.id, state: .skipped, attempts: delivery.attempts, nextAttemptAt: nil, reply: reason))
    }

    /// False once the ledger has failed to record: nothing more may be handed over.
    public var canRecord: Bool { condition.withLock { failure == nil } }

    /// Waits until everything recorded so far is on disk; throws the first write that failed.
    public func flush() throws(LedgerError) {
        waitUntilDurable(condition.withLock { queued })
        if let failure = condition.withLock({ failure }) { throw failure }
    }

    private func enqueue(_ mark: Mark) -> UInt64 {
        condition.withLock {
            queue.append(mark)
            queued += 1
            return queued
        }
    }

    /// Commits what is queued if no commit is under way; returns at once otherwise.
    private func commitIfFree() {
        condition.lock()
        defer { condition.unlock() }
        guard !writing, failure == nil, queued > durable else { return }
        commitQueued()
    }

    /// Whoever finds no commit under way writes everything queued; the others wait for it.
    private func waitUntilDurable(_ ticket: UInt64) {
        condition.lock()
        defer { condition.unlock() }
        while durable < ticket, failure == nil {
            guard !writing else {
                condition.wait()
                continue
            }
            commitQueued()
        }
    }

    /// Writes everything queued as one commit. Call with `condition` locked and no commit
    /// under way; it is unlocked while the commit reaches the disk.
    private func commitQueued() {
        writing = true
        let batch = queue
        queue.removeAll(keepingCapacity: true)
        let upTo = queued
        condition.unlock()
        let result = Result { () throws(LedgerError) in try commit(batch) }
        condition.lock()
        writing = false
        switch result {
        case .success: durable = upTo
        case .failure(let error):
            if failure == nil { failure = error }
            stop.stop()
        }
        condition.broadcast()
    }

    private func commit(_ batch: [Mark]) throws(LedgerError) {
        try ledger.record(batch, for: run, at: now())
    }
}
