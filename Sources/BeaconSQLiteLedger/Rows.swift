import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import GRDB

/// The ledger's records as SQLite rows hold them.
extension Issue {
    init(row: Row) {
        self.init(
            id: row["id"], digest: DigestID(row["digest"] as String), date: CivilDate(parsing: row["issue_date"])!,
            scheduledAt: row["scheduled_at"],
            window: DateWindow(start: CivilDate(parsing: row["window_start"])!, end: CivilDate(parsing: row["window_end"])!),
            hasNews: row["has_news"], createdAt: row["created_at"])
    }
}

extension LedgerDelivery {
    init(row: Row) {
        self.init(
            id: row["id"], issueID: row["issue_id"], channel: ChannelName(row["channel"] as String),
            recipient: RecipientKey(row["recipient"] as String), address: row["address"],
            windowStart: CivilDate(parsing: row["window_start"])!, state: DeliveryState(rawValue: row["state"]) ?? .pending,
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastReply: row["last_reply"], updatedAt: row["updated_at"],
            handOverRank: row["share_rank"])
    }
}

extension LedgerRun {
    init(row: Row) {
        self.init(
            id: row["id"], command: row["command"], process: row["process"], startedAt: row["started_at"],
            finishedAt: row["finished_at"], stoppedEarly: row["stopped_early"], report: row["report"])
    }
}
