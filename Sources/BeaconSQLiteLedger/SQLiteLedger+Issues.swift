public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB

extension SQLiteLedger {
    public func issue(of digest: DigestID, on date: CivilDate) throws(LedgerError) -> Issue? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM issue WHERE digest = ? AND issue_date = ?", arguments: [digest.rawValue, date.description])
                .map(Issue.init)
        }
    }

    public func latestIssue(of digest: DigestID) throws(LedgerError) -> Issue? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM issue WHERE digest = ? ORDER BY issue_date DESC LIMIT 1", arguments: [digest.rawValue])
                .map(Issue.init)
        }
    }

    /// Newest first; every digest's when `digest` is nil.
    public func issues(of digest: DigestID?, limit: Int) throws(LedgerError) -> [Issue] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM issue WHERE ? IS NULL OR digest = ? ORDER BY issue_date DESC, digest LIMIT ?
                """, arguments: [digest?.rawValue, digest?.rawValue, limit]).map(Issue.init)
        }
    }

    public func createIssue(_ new: NewIssue, run: LedgerRun, at now: Date) throws(LedgerError) -> Issue {
        let (digest, window, scheduledAt, hasNews, deliveries) = (new.digest, new.window, new.scheduledAt, new.hasNews, new.deliveries)
        return try write { db in
            try db.execute(sql: """
                INSERT INTO issue (digest, issue_date, scheduled_at, window_start, window_end, has_news, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [digest.rawValue, window.end.description, scheduledAt, window.start.description, window.end.description, hasNews, now])
            let id = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: """
                INSERT INTO delivery (issue_id, channel, recipient, address, window_start, state, last_reply, updated_at, share_rank)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for delivery in deliveries {
                try insert.execute(arguments: [
                    id, delivery.channel.rawValue, delivery.recipient.rawValue, delivery.address, delivery.windowStart.description,
                    delivery.state.rawValue, delivery.reason, now, delivery.handOverRank,
                ])
            }
            // A reader still waiting for an older copy (a server was down across an issue date)
            // gets one copy covering both, not two: the new one starts where the older began.
            try db.execute(sql: """
                UPDATE delivery SET window_start = min(window_start, coalesce((
                    SELECT min(older.window_start) FROM delivery AS older JOIN issue ON issue.id = older.issue_id
                    WHERE older.state IN ('pending', 'deferred') AND issue.digest = ? AND issue.issue_date < ?
                      AND older.channel = delivery.channel AND older.recipient = delivery.recipient), window_start))
                WHERE issue_id = ? AND state = 'pending'
                """, arguments: [digest.rawValue, window.end.description, id])
            let superseded = "superseded by the issue of \(window.end), which covers its news"
            let supersededIDs = try Int64.fetchAll(db, sql: """
                UPDATE delivery SET state = 'skipped', last_reply = ?, updated_at = ?
                WHERE state IN ('pending', 'deferred')
                  AND issue_id IN (SELECT id FROM issue WHERE digest = ? AND issue_date < ?)
                  AND EXISTS (SELECT 1 FROM delivery AS newer WHERE newer.issue_id = ? AND newer.state = 'pending'
                              AND newer.channel = delivery.channel AND newer.recipient = delivery.recipient)
                RETURNING id
                """, arguments: [superseded, now, digest.rawValue, window.end.description, id])
            try db.execute(sql: """
                INSERT INTO outcome (delivery_id, run_id, state, reply, recorded_at)
                SELECT id, ?, 'skipped', last_reply, ? FROM delivery WHERE issue_id = ? AND state = 'skipped'
                """, arguments: [run.id, now, id])
            let log = try db.makeStatement(sql: "INSERT INTO outcome (delivery_id, run_id, state, reply, recorded_at) VALUES (?, ?, 'skipped', ?, ?)")
            for delivery in supersededIDs { try log.execute(arguments: [delivery, run.id, superseded, now]) }
            return try Issue(row: Row.fetchOne(db, sql: "SELECT * FROM issue WHERE id = ?", arguments: [id])!)
        }
    }

    public func lastReceived(_ digest: DigestID) throws(LedgerError) -> [RecipientKey: CivilDate] {
        try read { db in
            var dates: [RecipientKey: CivilDate] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT delivery.recipient AS recipient, MAX(issue.issue_date) AS date
                FROM delivery JOIN issue ON issue.id = delivery.issue_id
                WHERE delivery.state = 'sent' AND issue.digest = ? GROUP BY delivery.recipient
                """, arguments: [digest.rawValue]) {
                dates[RecipientKey(row["recipient"] as String)] = CivilDate(parsing: row["date"])
            }
            return dates
        }
    }
}
