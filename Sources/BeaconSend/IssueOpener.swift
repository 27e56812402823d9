public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation

/// Decides what an issue holds and who gets it, and creates it with every delivery it needs in
/// one transaction, before anything is sent. The channels' reach decides who gets a row: each
/// subscriber (and network list) for email, each edition for feeds and bulletins. `send
/// --dry-run` asks for the same plan and writes nothing.
public struct IssueOpener: Sendable {
    let plan: SendPlan
    private var configuration: Configuration { plan.configuration }
    private var ledger: any DeliveryLedger { plan.ledger }

    init(plan: SendPlan) {
        self.plan = plan
    }

    /// An opener for channels of the given reach, for tests and tools that open issues without a send.
    public init(configuration: Configuration, renderer: DigestRenderer, ledger: any DeliveryLedger, reaches: [ChannelName: ChannelReach]) {
        plan = SendPlan(configuration: configuration, renderer: renderer, ledger: ledger, reaches: reaches)
    }

    /// The issue of `request` as it stands or would be opened.
    public func plan(_ request: IssueRequest) throws(LedgerError) -> IssuePlan {
        let definition = request.definition
        if let existing = try ledger.issue(of: definition.id, on: request.date) { return .existing(existing) }
        let window = try ledger.window(for: definition, endingOn: request.date)
        let hasNews = configuration.hasNews(definition, in: window)
        let nextIssue = request.scheduledAt.flatMap { definition.schedule.next(after: $0) }
            .map { CivilDate.today(in: definition.schedule.timeZone, now: $0) }
        let deliveries = hasNews || definition.sendWhenEmpty ? try deliveries(definition, window: window, nextIssue: nextIssue) : []
        return .new(NewIssue(digest: definition.id, window: window, scheduledAt: request.scheduledAt, hasNews: hasNews, deliveries: deliveries))
    }

    /// The issue of `request`: the existing one if there is one (so a second run finishes it
    /// rather than sending it twice), or a new one, written with all its deliveries.
    public func open(_ request: IssueRequest, run: LedgerRun, now: Date) throws(LedgerError) -> (issue: Issue, isNew: Bool) {
        switch try plan(request) {
        case .existing(let issue): (issue, false)
        case .new(let new): (try ledger.createIssue(new, run: run, at: now), true)
        }
    }

    private func deliveries(_ definition: DigestDefinition, window: DateWindow, nextIssue: CivilDate?) throws(LedgerError) -> [PlannedDelivery] {
        let suppressed = try plan.suppressed(for: definition.id)
        let received = try ledger.lastReceived(definition.id)
        var planned: [PlannedDelivery] = []
        for channel in definition.channels {
            guard let recipients = plan.recipients(of: definition, over: channel) else { continue }
            let readers = recipients.recipients.map(plan.planner.reader(for:))
            // Readers alike are handed over one after another, so each issue is assembled once.
            var rank = [Int](repeating: 0, count: readers.count)
            for (place, position) in Reader.sharingOrder(readers).enumerated() { rank[position] = place }
            for (position, recipient) in recipients.recipients.enumerated() {
                guard let reader = readers[position] else { continue }
                let key = recipient.key
                let lastReceived = received[key]
                let start = definition.window(for: reader, issue: window, lastReceived: lastReceived).start
                let row = { (state: DeliveryState, reason: String?) in
                    PlannedDelivery(
                        channel: channel, recipient: key, address: recipient.email, windowStart: start, state: state, reason: reason,
                        handOverRank: rank[position])
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

/// An issue to open: the digest, its date, and the scheduled time that called for it (none
/// when someone sends by hand).
public struct IssueRequest: Sendable {
    public let definition: DigestDefinition
    public let date: CivilDate
    public let scheduledAt: Date?

    public init(definition: DigestDefinition, date: CivilDate, scheduledAt: Date?) {
        self.definition = definition
        self.date = date
        self.scheduledAt = scheduledAt
    }
}

/// An issue as the ledger has it, or as it would be opened.
public enum IssuePlan: Sendable {
    case existing(Issue)
    case new(NewIssue)
}
