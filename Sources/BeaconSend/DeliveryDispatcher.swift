import BeaconChannelAPI
public import BeaconCore
import BeaconLedger
public import Foundation

/// Hands a ledger's outstanding deliveries to their channels and has every outcome recorded.
/// Each reader's copy is assembled only when the channel asks for it; once the run is stopping
/// the channels are given nothing more, and what was not handed over stays pending. A channel
/// that fails as a whole (a dead or stalled server) is given nothing more in this run, whatever
/// issue its other deliveries belong to.
struct DeliveryDispatcher {
    let plan: SendPlan
    let channels: [ChannelName: any Channel]
    let recorder: OutcomeRecorder
    let stop: StopSignal

    /// Delivers `outstanding`, calling `progress` as each delivery is recorded or skipped;
    /// returns what stopped a channel as a whole.
    func deliver(_ outstanding: [LedgerDelivery], progress: @escaping @Sendable () -> Void) throws(LedgerError) -> [ChannelStop] {
        var stops: [ChannelStop] = []
        var stopped: Set<ChannelName> = []
        let recorder = recorder
        // Positions rather than copies: a national send has 100,000 rows and as many recipients.
        let groups = Dictionary(grouping: outstanding.indices) { Group(issue: outstanding[$0].issueID, channel: outstanding[$0].channel) }
        for group in groups.keys.sorted() {
            guard !stop.isStopped else { break }
            guard !stopped.contains(group.channel) else { continue }
            let rows = groups[group]!.map { outstanding[$0] }
            let skip = { @Sendable (row: LedgerDelivery, reason: String) in
                recorder.skip(row, because: reason)
                progress()
            }
            guard let issue = try plan.ledger.issue(id: group.issue), let definition = plan.configuration.digest(issue.digest) else {
                rows.forEach { skip($0, "the digest is no longer in the digest definitions") }
                continue
            }
            guard let channel = channels[group.channel], let recipients = plan.recipients(of: definition, over: group.channel) else {
                stops.append(ChannelStop(channel: group.channel, reason: "not available in this build; \(rows.count) deliveries of \(issue.digest) wait for it"))
                stopped.insert(group.channel)
                continue
            }
            let suppressed = try plan.suppressed(for: definition.id)
            let planner = plan.planner
            let order = planner.inSharingOrder(Array(rows.indices)) { recipients[rows[$0].recipient] }
            let deliveries = Handover(rows: order, stop: stop) { position in
                let row = rows[position]
                guard let recipient = recipients[row.recipient] else {
                    skip(row, "no longer a reader of this digest over \(group.channel)")
                    return nil
                }
                if suppressed.contains(recipient) {
                    skip(row, "unsubscribed")
                    return nil
                }
                guard let delivery = planner.delivery(
                    to: recipient, of: definition, covering: DateWindow(start: row.windowStart, end: issue.date), reference: position) else {
                    skip(row, "nothing new for this reader")
                    return nil
                }
                return delivery
            }
            do {
                try channel.deliver(deliveries, log: LedgerLog(recorder: recorder, stop: stop, rows: rows, progress: progress))
            } catch {
                stops.append(ChannelStop(channel: group.channel, reason: error.description))
                stopped.insert(group.channel)
            }
        }
        try recorder.flush()
        return stops
    }

    private struct Group: Hashable, Comparable {
        let issue: Int64
        let channel: ChannelName

        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.issue, lhs.channel) < (rhs.issue, rhs.channel) }
    }
}

/// A channel that could not work at all in a run, and why: its deliveries wait for the next run.
public struct ChannelStop: Sendable, CustomStringConvertible {
    public let channel: ChannelName
    public let reason: String

    public var description: String { "\(channel): \(reason)" }
}
