public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB

extension SQLiteLedger {
    /// What still has to go: pending deliveries (never tried, or cut off by a stopped run) and
    /// deferred ones whose next attempt is due, oldest issue first; only `issues` if given.
    public func outstanding(dueBy now: Date, in issues: Set<Int64>?) throws(LedgerError) -> [LedgerDelivery] {
        try read { db in
            let only = issues.map { "AND issue_id IN (\($0.map(String.init).joined(separator: ", ")))" } ?? ""
            return try Row.fetchAll(db, sql: """
                SELECT * FROM delivery
                WHERE (\(Self.outstandingCondition)) \(only)
                ORDER BY issue_id, channel, id
                """, arguments: [now]).map(LedgerDelivery.init)
        }
    }

    /// Whether anything is outstanding by `now`, without reading it.
    public func hasOutstanding(dueBy now: Date) throws(LedgerError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE \(Self.outstandingCondition))", arguments: [now]) ?? false
        }
    }

    private static let outstandingCondition = "state = 'pending' OR (state = 'deferred' AND next_attempt_at <= ?)"

    /// When the earliest deferred delivery may be tried again, for the scheduler to wake.
    public func nextRetry() throws(LedgerError) -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM delivery WHERE state = 'deferred'")
        }
    }

    public func issue(id: Int64) throws(LedgerError) -> Issue? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM issue WHERE id = ?", arguments: [id]).map(Issue.init) }
    }

    /// How many deliveries of an issue are in each state, per channel.
    public func counts(of issue: Issue) throws(LedgerError) -> [ChannelName: [DeliveryState: Int]] {
        try read { db in
            var counts: [ChannelName: [DeliveryState: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT channel, state, COUNT(*) AS n FROM delivery WHERE issue_id = ? GROUP BY channel, state
                """, arguments: [issue.id]) {
                guard let state = DeliveryState(rawValue: row["state"]) else { continue }
                counts[ChannelName(row["channel"] as String), default: [:]][state] = row["n"]
            }
            return counts
        }
    }

    /// An issue's deliveries in `states`, for `history` to show why something did not arrive.
    public func deliveries(of issue: Issue, in states: [DeliveryState], limit: Int) throws(LedgerError) -> [LedgerDelivery] {
        try read { db in
            let placeholders = states.map { _ in "?" }.joined(separator: ", ")
            return try Row.fetchAll(db, sql: """
                SELECT * FROM delivery WHERE issue_id = ? AND state IN (\(placeholders)) ORDER BY channel, recipient LIMIT ?
                """, arguments: StatementArguments([issue.id] + states.map(\.rawValue) + [limit])).map(LedgerDelivery.init)
        }
    }

    /// Why an issue's skipped deliveries were not sent, with how many each reason covers.
    public func skipReasons(of issue: Issue) throws(LedgerError) -> [SkipReason] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT channel, last_reply, COUNT(*) AS n FROM delivery WHERE issue_id = ? AND state = 'skipped'
                GROUP BY channel, last_reply ORDER BY channel, n DESC, last_reply
                """, arguments: [issue.id]).map { row in
                SkipReason(channel: ChannelName(row["channel"] as String), reason: (row["last_reply"] as String?) ?? "no reason recorded", count: row["n"] as Int)
            }
        }
    }

    public func record(_ marks: [DeliveryMark], for run: LedgerRun, at now: Date) throws(LedgerError) {
        guard !marks.isEmpty else { return }
        try write { db in
            let update = try db.makeStatement(sql: """
                UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_reply = ?, updated_at = ? WHERE id = ?
                """)
            let log = try db.makeStatement(sql: "INSERT INTO outcome (delivery_id, run_id, state, reply, recorded_at) VALUES (?, ?, ?, ?, ?)")
            for mark in marks {
                try update.execute(arguments: [mark.state.rawValue, mark.attempts, mark.nextAttemptAt, mark.reply, now, mark.delivery])
                try log.execute(arguments: [mark.delivery, run.id, mark.state.rawValue, mark.reply, now])
            }
        }
    }
}
