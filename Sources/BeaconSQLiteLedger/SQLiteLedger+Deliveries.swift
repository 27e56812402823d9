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

    /// Pending or due, and not in the hands of a run whose lease still holds. Takes `now` twice.
    private static let outstandingCondition =
        "(state = 'pending' OR (state = 'deferred' AND next_attempt_at <= ?1)) AND (claimed_until IS NULL OR claimed_until <= ?1)"

    public func outstandingGroups(dueBy now: Date, in issues: Set<Int64>?) throws(LedgerError) -> [OutstandingGroup] {
        try read { db in
            let only = issues.map { "AND issue_id IN (\($0.map(String.init).joined(separator: ", ")))" } ?? ""
            return try Row.fetchAll(db, sql: """
                SELECT issue_id, channel, COUNT(*) AS n FROM delivery
                WHERE \(Self.outstandingCondition) \(only)
                GROUP BY issue_id, channel ORDER BY issue_id, channel
                """, arguments: [now]).map { row in
                OutstandingGroup(issue: row["issue_id"], channel: ChannelName(row["channel"] as String), count: row["n"])
            }
        }
    }

    public func claim(_ limit: Int, of group: OutstandingGroup, dueBy now: Date, for run: LedgerRun, until: Date) throws(LedgerError) -> [LedgerDelivery] {
        try write { db in
            try Row.fetchAll(db, sql: """
                UPDATE delivery SET claimed_by = ?2, claimed_until = ?3
                WHERE id IN (
                    SELECT id FROM delivery WHERE issue_id = ?4 AND channel = ?5 AND \(Self.outstandingCondition)
                    ORDER BY share_rank, id LIMIT ?6)
                RETURNING *
                """, arguments: [now, run.id, until, group.issue, group.channel.rawValue, limit])
                .map(LedgerDelivery.init).sorted { ($0.handOverRank, $0.id) < ($1.handOverRank, $1.id) }
        }
    }

    public func renewClaims(of run: LedgerRun, until: Date) throws(LedgerError) {
        try write { db in
            try db.execute(sql: "UPDATE delivery SET claimed_until = ? WHERE claimed_by = ?", arguments: [until, run.id])
        }
    }

    public func releaseClaims(of run: LedgerRun) throws(LedgerError) {
        try write { db in
            try db.execute(sql: "UPDATE delivery SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", arguments: [run.id])
        }
    }

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

    public func deliveries(of issue: Issue, to recipient: RecipientKey) throws(LedgerError) -> [LedgerDelivery] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM delivery WHERE recipient = ? AND issue_id = ? ORDER BY channel", arguments: [recipient.rawValue, issue.id])
                .map(LedgerDelivery.init)
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
                UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_reply = ?, updated_at = ?,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = ?
                """)
            let log = try db.makeStatement(sql: "INSERT INTO outcome (delivery_id, run_id, state, reply, recorded_at) VALUES (?, ?, ?, ?, ?)")
            for mark in marks {
                try update.execute(arguments: [mark.state.rawValue, mark.attempts, mark.nextAttemptAt, mark.reply, now, mark.delivery])
                try log.execute(arguments: [mark.delivery, run.id, mark.state.rawValue, mark.reply, now])
            }
        }
    }
}
