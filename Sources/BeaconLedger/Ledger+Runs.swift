import BeaconCore
import Foundation
import GRDB

/// One `send`, `send --due` or wake of `run` that recorded something.
public struct LedgerRun: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let command: String
    public let process: Int32
    public let startedAt: Date
    public let finishedAt: Date?
    /// The run ended without finishing: killed, or the machine stopped.
    public let stoppedEarly: Bool
    public let report: String?

    init(row: Row) {
        id = row["id"]
        command = row["command"]
        process = row["process"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        stoppedEarly = row["stopped_early"]
        report = row["report"]
    }
}

/// A run's outcomes for one channel and state, for the summary.
public struct OutcomeCount: Sendable, Hashable {
    public let channel: ChannelName
    public let state: DeliveryState
    /// The reason, for skipped deliveries; nil otherwise.
    public let reason: String?
    public let count: Int
}

/// One outcome a run recorded, with what the report needs to name the delivery.
public struct RecordedOutcome: Sendable {
    public let digest: DigestID
    public let issueDate: CivilDate
    public let recipient: String
    public let address: String
    public let channel: ChannelName
    public let state: DeliveryState
    public let reply: String
    public let attempts: Int
    public let recordedAt: Date
}

extension Ledger {
    /// Records that a run has started; everything it records carries its id.
    public func startRun(command: String, at now: Date) throws(LedgerError) -> LedgerRun {
        try write { db in
            try db.execute(sql: "INSERT INTO run (command, process, started_at) VALUES (?, ?, ?)", arguments: [command, getpid(), now])
            return LedgerRun(row: try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [db.lastInsertedRowID])!)
        }
    }

    /// Marks `run` finished, with the report written for it; a run that recorded nothing is
    /// forgotten, so the wakes of `beacon run` with nothing to do leave no trace.
    public func finish(_ run: LedgerRun, report: String?, stoppedEarly: Bool = false, at now: Date) throws(LedgerError) {
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

    /// Runs that never finished: killed, or stopped with the machine. Call with the run lock
    /// held, so none of them can still be running.
    public func unfinishedRuns() throws(LedgerError) -> [LedgerRun] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM run WHERE finished_at IS NULL ORDER BY id").map(LedgerRun.init) }
    }

    /// How many outcomes of each state `run` recorded per channel, skipped ones by reason.
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

    /// Every outcome `run` recorded, in the order recorded, handed over a few at a time so a
    /// national run's report is never all in memory; `states` limits which, if given.
    public func forEachOutcome(
        of run: LedgerRun, in states: [DeliveryState]? = nil, limit: Int? = nil, _ body: (RecordedOutcome) -> Void
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
                    recipient: row["recipient"], address: row["address"], channel: ChannelName(row["channel"] as String),
                    state: DeliveryState(rawValue: row["state"]) ?? .pending, reply: row["reply"] ?? "",
                    attempts: row["attempts"], recordedAt: row["recorded_at"]))
            }
        }
    }
}
