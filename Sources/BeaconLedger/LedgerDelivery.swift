import BeaconCore
import Foundation
import GRDB

/// One recipient's copy of one issue over one channel, as the ledger keeps it.
public struct LedgerDelivery: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let issueID: Int64
    public let channel: ChannelName
    /// `Recipient.key`: a subscriber's id, an edition's key or `list:<network>`.
    public let recipient: String
    /// The email address at the time of the issue, or empty for editions.
    public let address: String
    /// Where this reader's copy starts: the issue's window, or earlier for a reader who takes
    /// the digest less often or a meeting bulletin.
    public let windowStart: CivilDate
    public let state: DeliveryState
    public let attempts: Int
    public let nextAttemptAt: Date?
    /// The server's last answer, or why the delivery was skipped.
    public let lastReply: String?
    public let updatedAt: Date

    init(row: Row) {
        id = row["id"]
        issueID = row["issue_id"]
        channel = ChannelName(row["channel"] as String)
        recipient = row["recipient"]
        address = row["address"]
        windowStart = CivilDate(parsing: row["window_start"])!
        state = DeliveryState(rawValue: row["state"]) ?? .pending
        attempts = row["attempts"]
        nextAttemptAt = row["next_attempt_at"]
        lastReply = row["last_reply"]
        updatedAt = row["updated_at"]
    }
}

/// A delivery to write when an issue is created.
public struct PlannedDelivery: Sendable {
    public let channel: ChannelName
    public let recipient: String
    public let address: String
    public let windowStart: CivilDate
    /// `pending`, or `skipped` with the reason.
    public let state: DeliveryState
    public let reason: String?

    public init(channel: ChannelName, recipient: String, address: String, windowStart: CivilDate, state: DeliveryState = .pending, reason: String? = nil) {
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.windowStart = windowStart
        self.state = state
        self.reason = reason
    }
}
