import BeaconChannelAPI
public import BeaconCore
import BeaconLedger
public import Foundation

/// Hands a ledger's outstanding deliveries to their channels and has every outcome recorded.
/// Each issue's deliveries over a channel are claimed a batch at a time in hand-over order and
/// assembled only when the channel asks for them; once the run is stopping the channels are
/// given nothing more, and what was not handed over goes back to the ledger for the next run.
/// A channel that fails as a whole (a dead or stalled server) is given nothing more in this
/// run, whatever issue its other deliveries belong to.
struct DeliveryDispatcher {
    let plan: SendPlan
    let channels: [ChannelName: any Channel]
    let recorder: OutcomeRecorder
    let stop: StopSignal
    let run: LedgerRun
    let now: @Sendable () -> Date
    /// How long a claim holds before another run may take the delivery.
    static let lease: TimeInterval = 120

    /// Delivers `groups`, calling `progress` as each delivery is recorded or skipped; returns
    /// what stopped a channel as a whole.
    func deliver(_ groups: [OutstandingGroup], progress: @escaping @Sendable () -> Void) throws(LedgerError) -> [ChannelStop] {
        let ledger = plan.ledger
        let keeper = LeaseKeeper(ledger: ledger, run: run, lease: Self.lease, now: now)
        defer { keeper.finish() }
        var stops: [ChannelStop] = []
        var stopped: Set<ChannelName> = []
        let readFailure = LedgerFailure()
        for group in groups {
            guard !stop.isStopped else { break }
            guard !stopped.contains(group.channel) else { continue }
            let claimed = ClaimedDeliveries(ledger: ledger, group: group, run: run, lease: Self.lease, now: now)
            let recorder = recorder
            let skip = { @Sendable (row: LedgerDelivery, reason: String) in
                _ = claimed.take(row.id)
                recorder.skip(row, because: reason)
                progress()
            }
            guard let issue = try ledger.issue(id: group.issue), let definition = plan.configuration.digest(issue.digest) else {
                while case let rows = try claimed.nextBatch(), !rows.isEmpty { rows.forEach { skip($0, "the digest is no longer in the digest definitions") } }
                continue
            }
            guard let channel = channels[group.channel], let recipients = plan.recipients(of: definition, over: group.channel) else {
                stops.append(ChannelStop(channel: group.channel, reason: "not available in this build; \(group.count) deliveries of \(issue.digest) wait for it"))
                stopped.insert(group.channel)
                continue
            }
            let suppressed = try plan.suppressed(for: definition.id)
            let planner = plan.planner
            let stop = stop
            let deliveries = Handover(claimed: claimed, stop: stop, failure: { readFailure.keep($0); stop.stop() }) { row in
                guard let recipient = recipients[row.recipient] else {
                    skip(row, "no longer a reader of this digest over \(group.channel)")
                    return nil
                }
                if suppressed.contains(recipient) {
                    skip(row, "unsubscribed")
                    return nil
                }
                guard let delivery = planner.delivery(
                    to: recipient, of: definition, covering: DateWindow(start: row.windowStart, end: issue.date), reference: Int(row.id)) else {
                    skip(row, "nothing new for this reader")
                    return nil
                }
                return delivery
            }
            do {
                try channel.deliver(deliveries, log: LedgerLog(recorder: recorder, stop: stop, claimed: claimed, progress: progress))
            } catch {
                stops.append(ChannelStop(channel: group.channel, reason: error.description))
                stopped.insert(group.channel)
            }
        }
        try recorder.flush()
        try ledger.releaseClaims(of: run)
        if let failure = readFailure.first { throw failure }
        return stops
    }
}

/// The first ledger failure met while claiming, from whichever thread met it.
private final class LedgerFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: LedgerError?

    func keep(_ error: LedgerError) { lock.withLock { if kept == nil { kept = error } } }

    var first: LedgerError? { lock.withLock { kept } }
}

/// A channel that could not work at all in a run, and why: its deliveries wait for the next run.
public struct ChannelStop: Sendable, CustomStringConvertible {
    public let channel: ChannelName
    public let reason: String

    public var description: String { "\(channel): \(reason)" }
}
