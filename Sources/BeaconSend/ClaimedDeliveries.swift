import BeaconChannelAPI
import BeaconLedger
import Foundation

/// The deliveries of one issue over one channel that this run has in its hands: claimed from
/// the ledger a batch at a time, in hand-over order, as the channel pulls them, so a national
/// send never holds all its rows at once and several runs can share one issue. A row leaves
/// when its outcome is recorded.
final class ClaimedDeliveries: @unchecked Sendable {
    private let ledger: any DeliveryLedger
    private let group: OutstandingGroup
    private let run: LedgerRun
    private let now: @Sendable () -> Date
    private let lease: TimeInterval
    private let lock = NSLock()
    private var inHand: [Int64: LedgerDelivery] = [:]
    private var exhausted = false
    static let batch = 256

    init(ledger: any DeliveryLedger, group: OutstandingGroup, run: LedgerRun, lease: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.ledger = ledger
        self.group = group
        self.run = run
        self.lease = lease
        self.now = now
    }

    /// The next batch, claimed now; empty once nothing of the group is left to claim.
    func nextBatch() throws(LedgerError) -> [LedgerDelivery] {
        guard !lock.withLock({ exhausted }) else { return [] }
        let moment = now()
        let rows = try ledger.claim(Self.batch, of: group, dueBy: moment, for: run, until: moment.addingTimeInterval(lease))
        lock.withLock {
            for row in rows { inHand[row.id] = row }
            if rows.isEmpty { exhausted = true }
        }
        return rows
    }

    /// The row a delivery was made from, taken out of hand: its outcome is about to be recorded.
    func take(_ id: Int64) -> LedgerDelivery? {
        lock.withLock { inHand.removeValue(forKey: id) }
    }
}
