public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// One recipient's copy of one issue over one channel, as the ledger keeps it.
public struct LedgerDelivery: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let issueID: Int64
    public let channel: ChannelName
    public let recipient: RecipientKey
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
    /// Where it comes in the order deliveries are handed over: readers alike next to each other.
    public let handOverRank: Int

    public init(
        id: Int64, issueID: Int64, channel: ChannelName, recipient: RecipientKey, address: String, windowStart: CivilDate,
        state: DeliveryState, attempts: Int, nextAttemptAt: Date?, lastReply: String?, updatedAt: Date, handOverRank: Int = 0
    ) {
        self.id = id
        self.issueID = issueID
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.windowStart = windowStart
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastReply = lastReply
        self.updatedAt = updatedAt
        self.handOverRank = handOverRank
    }
}

/// A delivery to write when an issue is created.
public struct PlannedDelivery: Sendable {
    public let channel: ChannelName
    public let recipient: RecipientKey
    public let address: String
    public let windowStart: CivilDate
    /// `pending`, or `skipped` with the reason.
    public let state: DeliveryState
    public let reason: String?
    /// Where it comes in the order deliveries are handed over (`LedgerDelivery.handOverRank`).
    public let handOverRank: Int

    public init(
        channel: ChannelName, recipient: RecipientKey, address: String, windowStart: CivilDate, state: DeliveryState = .pending,
        reason: String? = nil, handOverRank: Int = 0
    ) {
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.windowStart = windowStart
        self.state = state
        self.reason = reason
        self.handOverRank = handOverRank
    }
}

/// What a run decided for one delivery, to be recorded.
public struct DeliveryMark: Sendable {
    public let delivery: Int64
    public let state: DeliveryState
    public let attempts: Int
    public let nextAttemptAt: Date?
    public let reply: String

    public init(delivery: Int64, state: DeliveryState, attempts: Int, nextAttemptAt: Date?, reply: String) {
        self.delivery = delivery
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.reply = reply
    }
}

/// Why an issue's skipped deliveries over one channel were not sent, and how many.
public struct SkipReason: Sendable, Hashable {
    public let channel: ChannelName
    public let reason: String
    public let count: Int

    public init(channel: ChannelName, reason: String, count: Int) {
        self.channel = channel
        self.reason = reason
        self.count = count
    }
}

/// An issue's deliveries over one channel that are still to go, and how many.
public struct OutstandingGroup: Sendable, Hashable {
    public let issue: Int64
    public let channel: ChannelName
    public let count: Int

    public init(issue: Int64, channel: ChannelName, count: Int) {
        self.issue = issue
        self.channel = channel
        self.count = count
    }
}
