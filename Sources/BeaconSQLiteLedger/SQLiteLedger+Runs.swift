public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB

extension SQLiteLedger {
    public func startRun(command: String, at now: Date) throws(LedgerError) -> LedgerRun {
        try write { db in
            try db.execute(sql: "INSERT INTO run (command, process, started_at) VALUES (?, ?, ?)", arguments: [command, getpid(), now])
            return LedgerRun(row: try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [db.lastInsertedRowID])!)
        }
    }

    public func finish(_ run: LedgerRun, report: String?, stoppedEarly: Bool, at now: Date) throws(LedgerError) {
        try write { db in
            let recorded = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM outcome WHERE run_id = ?)", arguments: [run.id]) ?? false
            if recorded {
                try db.execute(sql: "UPDATE run SET finished_at = ?, report = ?, stopped_early = ? WHERE id = ?",
                               arguments: [now, report, stoppedEarly, run.id])
            } else {
                try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [run.id])
            }
        }
    }

    public func unfinishedRuns() throws(LedgerError) -> [LedgerRun] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM run WHERE finished_at IS NULL ORDER BY id").map(LedgerRun.init) }
    }

    public func outcomeCounts(of run: LedgerRun) throws(LedgerError) -> [OutcomeCount] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT delivery.channel AS channel, outcome.state AS state,
                       CASE WHEN outcome.state = 'skipped' THEN outcome.reply END AS reason, COUNT(*) AS n
                FROM outcome JOIN delivery ON delivery.id = outcome.delivery_id
                WHERE outcome.run_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, n DESC, 3
                """, arguments: [run.id]).compactMap { row in
                DeliveryState(rawValue: row["state"]).map { state in
                    OutcomeCount(channel: ChannelName(row["channel"] as String), state: state, reason: row["reason"], count: row["n"])
                }
            }
        }
    }

    public func forEachOutcome(
        of run: LedgerRun, in states: [DeliveryState]?, limit: Int?, _ body: (RecordedOutcome) -> Void
    ) throws(LedgerError) {
        try read { db in
            let filter = states.map { "AND outcome.state IN (\($0.map { "'\($0.rawValue)'" }.joined(separator: ", ")))" } ?? ""
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT issue.digest AS digest, issue.issue_date AS issue_date, delivery.recipient AS recipient,
                       delivery.address AS address, delivery.channel AS channel, outcome.state AS state,
                       outcome.reply AS reply, delivery.attempts AS attempts, outcome.recorded_at AS recorded_at
                FROM outcome JOIN delivery ON delivery.id = outcome.delivery_id JOIN issue ON issue.id = delivery.issue_id
                WHERE outcome.run_id = ? \(filter) ORDER BY outcome.id LIMIT ?
                """, arguments: [run.id, limit ?? -1])
            while let row = try cursor.next() {
                body(RecordedOutcome(
                    digest: DigestID(row["digest"] as String), issueDate: CivilDate(parsing: row["issue_date"])!,
                    recipient: RecipientKey(row["recipient"] as String), address: row["address"], channel: ChannelName(row["channel"] as String),
                    state: DeliveryState(rawValue: row["state"]) ?? .pending, reply: row["reply"] ?? "",
                    attempts: row["attempts"], recordedAt: row["recorded_at"]))
            }
        }
    }
}
