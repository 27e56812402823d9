import BeaconCore
import Foundation

/// An issue whose scheduled time has come and that the ledger does not have yet.
public struct DueIssue: Sendable {
    public let definition: DigestDefinition
    public let date: CivilDate
    public let scheduledAt: Date
}

extension Ledger {
    /// How long after its first scheduled time a digest's very first issue is still sent. A
    /// digest added on the 27th of the month waits for its next time rather than sending the
    /// issue of the 1st; after that, a missed time (a power cut, a holiday) is always caught up.
    public static let firstIssueGrace: TimeInterval = 24 * 3600

    /// Each digest's latest scheduled time at or before `now`, if it has no issue for that
    /// date or later. Times missed while Beacon was not running give one issue, which covers
    /// everything since the last one.
    public func dueIssues(of definitions: [DigestDefinition], now: Date) throws(LedgerError) -> [DueIssue] {
        var due: [DueIssue] = []
        for definition in definitions {
            guard let time = definition.schedule.latest(atOrBefore: now) else { continue }
            let date = CivilDate.today(in: definition.schedule.timeZone, now: time)
            if let latest = try latestIssue(of: definition.id) {
                guard latest.date < date else { continue }
            } else {
                guard now.timeIntervalSince(time) <= Self.firstIssueGrace else { continue }
            }
            due.append(DueIssue(definition: definition, date: date, scheduledAt: time))
        }
        return due
    }

    /// When the scheduler next has something to do: a digest's next time or a retry.
    public func nextWake(for definitions: [DigestDefinition], after now: Date) throws(LedgerError) -> Date? {
        let times = definitions.compactMap { $0.schedule.next(after: now) } + [try nextRetry()].compactMap { $0 }
        return times.min()
    }
}
