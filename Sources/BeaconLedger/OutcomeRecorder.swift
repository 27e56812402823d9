import BeaconCore
import Foundation
import GRDB

/// Writes each delivery's outcome to the ledger as channels report them, from any thread.
/// Outcomes that arrive while a commit is on its way to disk go together in the next one, so
/// a safe commit per message does not limit how fast mail goes out; a kill can lose at most
/// the outcomes of one commit, which the next run sends again under the same Message-ID. If
/// the ledger cannot be written (a full disk), `stop` is set so nothing more is sent that
/// could not be recorded.
public final class OutcomeRecorder: @unchecked Sendable {
    struct Mark {
        let delivery: Int64
        let state: DeliveryState
        let attempts: Int
        let nextAttemptAt: Date?
        let reply: String
    }

    private let ledger: Ledger
    private let policy: RetryPolicy
    private let stop: StopSignal
    private let now: @Sendable () -> Date
    private let queueLock = NSLock()
    private var queue: [Mark] = []
    private let writerLock = NSLock()
    private var firstError: LedgerError?

    public init(ledger: Ledger, policy: RetryPolicy, stop: StopSignal, now: @escaping @Sendable () -> Date) {
        self.ledger = ledger
        self.policy = policy
        self.stop = stop
        self.now = now
    }

    /// Records what a channel reported for `delivery`, deciding the retry for a deferral.
    public func record(_ delivery: LedgerDelivery, _ outcome: DeliveryOutcome) {
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
        enqueue(mark)
    }

    /// Records that `delivery` will not be sent, and why.
    public func skip(_ delivery: LedgerDelivery, because reason: String) {
        enqueue(Mark(delivery: delivery.id, state: .skipped, attempts: delivery.attempts, nextAttemptAt: nil, reply: reason))
    }

    /// Waits until everything recorded so far is on disk; throws the first write that failed.
    public func flush() throws(LedgerError) {
        writerLock.lock()
        drain()
        writerLock.unlock()
        if let firstError = queueLock.withLock({ firstError }) { throw firstError }
    }

    private func enqueue(_ mark: Mark) {
        queueLock.withLock { queue.append(mark) }
        // Whoever finds the writer free commits everything queued; the others carry on.
        while writerLock.try() {
            drain()
            writerLock.unlock()
            if queueLock.withLock({ queue.isEmpty }) { return }
        }
    }

    /// Commits queued marks until none are left. Call with `writerLock` held.
    private func drain() {
        while true {
            let batch = queueLock.withLock { () -> [Mark] in
                defer { queue.removeAll(keepingCapacity: true) }
                return queue
            }
            guard !batch.isEmpty else { return }
            let updatedAt = now()
            do {
                try ledger.write { db in
                    let update = try db.makeStatement(sql: """
                        UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_reply = ?, updated_at = ? WHERE id = ?
                        """)
                    for mark in batch {
                        try update.execute(arguments: [mark.state.rawValue, mark.attempts, mark.nextAttemptAt, mark.reply, updatedAt, mark.delivery])
                    }
                }
            } catch {
                stop.stop()
                queueLock.withLock { if firstError == nil { firstError = error } }
            }
        }
    }
}
