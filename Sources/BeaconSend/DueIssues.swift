public import BeaconCore
public import BeaconLedger
public import Foundation

/// Which issues each digest's schedule has brought, and when the scheduler next has work.
public enum DueIssues {
    /// How long after its first scheduled time a digest's very first issue is still sent. A
    /// digest added on the 27th of the month waits for its next time rather than sending the
    /// issue of the 1st; after that, a missed time (a power cut, a holiday) is always caught up.
    public static let firstIssueGrace: TimeInterval = 24 * 3600

    /// Each digest's latest scheduled time at or before `now`, if the ledger has no issue for
    /// that date or later. Times missed while Beacon was not running give one issue, which
    /// covers everything since the last one.
    public static func at(_ now: Date, of definitions: [DigestDefinition], in ledger: any DeliveryLedger) throws(LedgerError) -> [IssueRequest] {
        var due: [IssueRequest] = []
        for definition in definitions {
            guard let time = definition.schedule.latest(atOrBefore: now) else { continue }
            let date = CivilDate.today(in: definition.schedule.timeZone, now: time)
            if let latest = try ledger.latestIssue(of: definition.id) {
                guard latest.date < date else { continue }
            } else {
                guard now.timeIntervalSince(time) <= firstIssueGrace else { continue }
            }
            due.append(IssueRequest(definition: definition, date: date, scheduledAt: time))
        }
        return due
    }

    /// When the scheduler next has something to do: a digest's next time or a retry.
    public static func nextWake(for definitions: [DigestDefinition], after now: Date, in ledger: any DeliveryLedger) throws(LedgerError) -> Date? {
        (definitions.compactMap { $0.schedule.next(after: now) } + [try ledger.nextRetry()].compactMap { $0 }).min()
    }
}
