import BeaconCore
import Foundation

/// Creates an issue and writes every delivery it needs, one transaction, before anything is
/// sent. The channels' reach decides who gets a row: each subscriber (and network list) for
/// email, each edition for feeds and bulletins.
public struct IssueOpener: Sendable {
    let configuration: Configuration
    let ledger: Ledger
    let planner: DeliveryPlanner
    let reaches: [ChannelName: ChannelReach]

    public init(configuration: Configuration, ledger: Ledger, planner: DeliveryPlanner, reaches: [ChannelName: ChannelReach]) {
        self.configuration = configuration
        self.ledger = ledger
        self.planner = planner
        self.reaches = reaches
    }

    /// The issue of `definition` dated `date`: the existing one if there is one (so a second
    /// run finishes it rather than sending it twice), or a new one.
    public func open(
        _ definition: DigestDefinition, on date: CivilDate, scheduledAt: Date?, run: LedgerRun, now: Date
    ) throws(LedgerError) -> (issue: Issue, isNew: Bool) {
        if let existing = try ledger.issue(of: definition.id, on: date) { return (existing, false) }
        let window = try ledger.window(for: definition, endingOn: date)
        let hasNews = configuration.hasNews(definition, in: window)
        let nextIssue = scheduledAt.flatMap { definition.schedule.next(after: $0) }
            .map { CivilDate.today(in: definition.schedule.timeZone, now: $0) }
        let deliveries = hasNews || definition.sendWhenEmpty ? try plan(definition, window: window, nextIssue: nextIssue) : []
        let issue = try ledger.createIssue(
            of: definition.id, window: window, scheduledAt: scheduledAt, hasNews: hasNews, deliveries: deliveries, run: run, now: now)
        return (issue, true)
    }

    private func plan(_ definition: DigestDefinition, window: DateWindow, nextIssue: CivilDate?) throws(LedgerError) -> [PlannedDelivery] {
        let suppressed = try ledger.suppressed(for: definition.id)
        let received = try ledger.lastReceived(definition.id)
        var planned: [PlannedDelivery] = []
        for channel in definition.channels {
            guard let reach = reaches[channel] else { continue }
            for recipient in planner.recipients(of: definition, over: channel, reach: reach) {
                guard let reader = planner.reader(for: recipient) else { continue }
                let lastReceived = received[recipient.key]
                let start = definition.window(for: reader, issue: window, lastReceived: lastReceived).start
                let row = { (state: DeliveryState, reason: String?) in
                    PlannedDelivery(channel: channel, recipient: recipient.key, address: recipient.email, windowStart: start, state: state, reason: reason)
                }
                if suppressed.contains(recipient) {
                    planned.append(row(.skipped, "unsubscribed"))
                } else if !definition.isDue(for: reader, on: window.end, lastReceived: lastReceived, nextIssue: nextIssue) {
                    let reason = reader.frequency.map { "takes this digest \($0.rawValue); last received the issue of \(lastReceived?.description ?? "")" }
                        ?? "no meeting of \(reader.audience.id) before the next issue, on \(nextIssue?.description ?? "")"
                    planned.append(row(.skipped, reason))
                } else {
                    planned.append(row(.pending, nil))
                }
            }
        }
        return planned
    }
}
