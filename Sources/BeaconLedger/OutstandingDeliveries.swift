import BeaconCore
import Foundation

/// Hands a ledger's outstanding deliveries to their channels and records every outcome. Each
/// reader's copy is assembled only when the channel asks for it, and once `stop` is set the
/// channels are given nothing more: what was not handed over stays pending.
public struct OutstandingDeliveries {
    let configuration: Configuration
    let ledger: Ledger
    let planner: DeliveryPlanner
    let channels: [ChannelName: any Channel]
    let recorder: OutcomeRecorder
    let stop: StopSignal

    public init(
        configuration: Configuration, ledger: Ledger, planner: DeliveryPlanner, channels: [ChannelName: any Channel],
        recorder: OutcomeRecorder, stop: StopSignal
    ) {
        self.configuration = configuration
        self.ledger = ledger
        self.planner = planner
        self.channels = channels
        self.recorder = recorder
        self.stop = stop
    }

    /// Delivers `outstanding`, calling `progress` as each delivery is recorded or skipped.
    /// Returns what stopped a channel as a whole (a dead server, a stalled one): its
    /// deliveries stay pending for the next run, and it is given nothing more in this run,
    /// whatever issue they belong to.
    public func deliver(_ outstanding: [LedgerDelivery], progress: @escaping @Sendable () -> Void) throws(LedgerError) -> [String] {
        var failures: [String] = []
        var stopped: Set<ChannelName> = []
        let recorder = recorder
        let stop = stop
        // Positions rather than copies: a national send has 100,000 rows and as many recipients.
        let groups = Dictionary(grouping: outstanding.indices) { GroupKey(issue: outstanding[$0].issueID, channel: outstanding[$0].channel) }
        for key in groups.keys.sorted() {
            guard !stop.isStopped else { break }
            guard !stopped.contains(key.channel) else { continue }
            let rows = groups[key]!.map { outstanding[$0] }
            let skip = { @Sendable (row: LedgerDelivery, reason: String) in
                recorder.skip(row, because: reason)
                progress()
            }
            guard let issue = try ledger.issue(id: key.issue), let definition = configuration.digest(issue.digest) else {
                rows.forEach { skip($0, "the digest is no longer in the digest definitions") }
                continue
            }
            guard let channel = channels[key.channel] else {
                failures.append("\(key.channel): not available in this build; \(rows.count) deliveries of \(issue.digest) wait for it")
                stopped.insert(key.channel)
                continue
            }
            let listed = planner.recipients(of: definition, over: key.channel, reach: channel.reach)
            let recipients = Dictionary(listed.indices.map { (listed[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
            let recipient = { @Sendable (key: String) in recipients[key].map { listed[$0] } }
            let suppressed = try ledger.suppressed(for: definition.id)
            let rowsByKey = Dictionary(rows.indices.map { (rows[$0].recipient, $0) }, uniquingKeysWith: { first, _ in first })
            let planner = planner
            let deliveries = Handover(rows: planner.inSharingOrder(rows) { recipient($0.recipient) }, stop: stop) { row in
                guard let recipient = recipient(row.recipient) else {
                    skip(row, "no longer a reader of this digest over \(key.channel)")
                    return nil
                }
                if suppressed.contains(recipient) {
                    skip(row, "unsubscribed")
                    return nil
                }
                guard let delivery = planner.delivery(
                    to: recipient, of: definition, covering: DateWindow(start: row.windowStart, end: issue.date)) else {
                    skip(row, "nothing new for this reader")
                    return nil
                }
                return delivery
            }
            let log = LedgerLog(recorder: recorder, stop: stop, progress: progress) { delivery in rowsByKey[delivery.recipient.key].map { rows[$0] } }
            do {
                try channel.deliver(deliveries, log: log)
            } catch {
                failures.append("\(key.channel): \(error.description)")
                stopped.insert(key.channel)
            }
        }
        try recorder.flush()
        return failures
    }
}

/// What a channel reports to during a send: each outcome goes to the ledger, against the
/// ledger's row for that delivery, and hand-overs stop once the run is stopping or the ledger
/// cannot record.
private struct LedgerLog: DeliveryLog {
    let recorder: OutcomeRecorder
    let stop: StopSignal
    let progress: @Sendable () -> Void
    let row: @Sendable (Delivery) -> LedgerDelivery?

    func record(_ delivery: Delivery, _ outcome: DeliveryOutcome) {
        guard let row = row(delivery) else { return }
        recorder.record(row, outcome)
        progress()
    }

    var mayHandOver: Bool { !stop.isStopped && recorder.canRecord }
}

private struct GroupKey: Hashable, Comparable {
    let issue: Int64
    let channel: ChannelName

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.issue, lhs.channel) < (rhs.issue, rhs.channel) }
}

/// The deliveries of one channel, made as the channel pulls them, ending early when a stop
/// is asked for. A few at a time are assembled on every core: a channel pulls from one thread
/// at a time, and assembling one by one there left the other cores waiting.
private struct Handover: Sequence, IteratorProtocol {
    private let rows: [LedgerDelivery]
    private var position = 0
    private let stop: StopSignal
    private let make: @Sendable (LedgerDelivery) -> Delivery?
    private var made: [Delivery?] = []
    private var taken = 0
    /// Rows come in sharing order, so a batch is a few kinds of reader; small, so a stop
    /// leaves little assembled and unsent.
    private static let batchPerCore = 8

    init(rows: [LedgerDelivery], stop: StopSignal, make: @escaping @Sendable (LedgerDelivery) -> Delivery?) {
        self.rows = rows
        self.stop = stop
        self.make = make
    }

    mutating func next() -> Delivery? {
        while !stop.isStopped {
            if taken < made.count {
                taken += 1
                if let delivery = made[taken - 1] { return delivery }
                continue
            }
            guard position < rows.count else { return nil }
            let batch = Array(rows[position..<Swift.min(position + Self.batchPerCore * ProcessInfo.processInfo.activeProcessorCount, rows.count)])
            position += batch.count
            made = Self.assemble(batch, make)
            taken = 0
        }
        return nil
    }

    private static func assemble(_ batch: [LedgerDelivery], _ make: @Sendable (LedgerDelivery) -> Delivery?) -> [Delivery?] {
        let made = UnsafeMutableBufferPointer<Delivery?>.allocate(capacity: batch.count)
        made.initialize(repeating: nil)
        defer {
            made.deinitialize()
            made.deallocate()
        }
        // Each index is written by one thread only.
        nonisolated(unsafe) let slots = made
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in slots[index] = make(batch[index]) }
        return Array(made)
    }
}
