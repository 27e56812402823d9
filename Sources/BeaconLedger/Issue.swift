import BeaconCore
import Foundation
import GRDB

/// One issue of one digest: the dated edition every reader's copy belongs to.
public struct Issue: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let digest: DigestID
    public let date: CivilDate
    /// The schedule's time that made the issue; nil when someone ran `beacon send` by hand.
    public let scheduledAt: Date?
    /// From the end of the previous issue to this issue's date, half-open.
    public let window: DateWindow
    /// False when nothing happened in the window: the issue is recorded but not sent, unless
    /// the digest asks for empty issues.
    public let hasNews: Bool
    public let createdAt: Date

    init(row: Row) {
        id = row["id"]
        digest = DigestID(row["digest"] as String)
        date = CivilDate(parsing: row["issue_date"])!
        scheduledAt = row["scheduled_at"]
        window = DateWindow(start: CivilDate(parsing: row["window_start"])!, end: CivilDate(parsing: row["window_end"])!)
        hasNews = row["has_news"]
        createdAt = row["created_at"]
    }
}
