public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation

/// `send --dry-run`: what a send would open and deliver, from the same plan a send opens,
/// without sending or recording anything.
public struct SendPreview: Sendable {
    /// One requested issue as a send would find or open it.
    public enum Issue: Sendable {
        case alreadyOpen(DigestID, date: CivilDate)
        case nothingNew(DigestID, date: CivilDate, since: CivilDate)
        /// Per channel, how many deliveries would be pending and where they would go.
        case wouldOpen(DigestID, date: CivilDate, since: CivilDate, deliveries: [(channel: ChannelName, count: Int, destination: String)])
    }

    public let issues: [Issue]
    /// Deliveries of earlier issues pending or due for retry, when everything due was asked for.
    public let outstanding: Int?

    public init(
        _ requests: [IssueRequest], everythingDue: Bool, now: Date, configuration: Configuration, ledger: any DeliveryLedger,
        channels: [ChannelName: any Channel], renderer: DigestRenderer
    ) throws(LedgerError) {
        let readers = try ReaderRoster.configuration(configuration, ledger: ledger, on: CivilDate.today(in: configuration.settings.timeZone, now: now))
        let opener = IssueOpener(configuration: readers, renderer: renderer, ledger: ledger, reaches: channels.mapValues { $0.reach })
        var issues: [Issue] = []
        for request in requests {
            switch try opener.plan(request) {
            case .existing(let issue):
                issues.append(.alreadyOpen(issue.digest, date: issue.date))
            case .new(let new) where !new.hasNews && !request.definition.sendWhenEmpty:
                issues.append(.nothingNew(new.digest, date: request.date, since: new.window.start))
            case .new(let new):
                let counts = request.definition.channels.compactMap { name in
                    channels[name].map { channel in
                        (channel: name, count: new.deliveries.filter { $0.channel == name && $0.state == .pending }.count, destination: channel.destination)
                    }
                }
                issues.append(.wouldOpen(new.digest, date: request.date, since: new.window.start, deliveries: counts))
            }
        }
        self.issues = issues
        outstanding = everythingDue ? try ledger.outstanding(dueBy: now).count : nil
    }
}
