public import BeaconCore
public import Foundation

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

    public init(id: Int64, digest: DigestID, date: CivilDate, scheduledAt: Date?, window: DateWindow, hasNews: Bool, createdAt: Date) {
        self.id = id
        self.digest = digest
        self.date = date
        self.scheduledAt = scheduledAt
        self.window = window
        self.hasNews = hasNews
        self.createdAt = createdAt
    }
}

/// An issue to write, with every delivery it needs.
public struct NewIssue: Sendable {
    public let digest: DigestID
    public let window: DateWindow
    public let scheduledAt: Date?
    public let hasNews: Bool
    public let deliveries: [PlannedDelivery]

    public init(digest: DigestID, window: DateWindow, scheduledAt: Date?, hasNews: Bool, deliveries: [PlannedDelivery]) {
        self.digest = digest
        self.window = window
        self.scheduledAt = scheduledAt
        self.hasNews = hasNews
        self.deliveries = deliveries
    }
}
