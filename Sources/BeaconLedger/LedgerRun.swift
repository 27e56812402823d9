public import BeaconChannelAPI
public import BeaconCore
public import Foundation

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

    public init(id: Int64, command: String, process: Int32, startedAt: Date, finishedAt: Date?, stoppedEarly: Bool, report: String?) {
        self.id = id
        self.command = command
        self.process = process
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stoppedEarly = stoppedEarly
        self.report = report
    }
}

/// A run's outcomes for one channel and state, for the summary.
public struct OutcomeCount: Sendable, Hashable {
    public let channel: ChannelName
    public let state: DeliveryState
    /// The reason, for skipped deliveries; nil otherwise.
    public let reason: String?
    public let count: Int

    public init(channel: ChannelName, state: DeliveryState, reason: String?, count: Int) {
        self.channel = channel
        self.state = state
        self.reason = reason
        self.count = count
    }
}

/// One outcome a run recorded, with what the report needs to name the delivery.
public struct RecordedOutcome: Sendable {
    public let digest: DigestID
    public let issueDate: CivilDate
    public let recipient: RecipientKey
    public let address: String
    public let channel: ChannelName
    public let state: DeliveryState
    public let reply: String
    public let attempts: Int
    public let recordedAt: Date

    public init(
        digest: DigestID, issueDate: CivilDate, recipient: RecipientKey, address: String, channel: ChannelName,
        state: DeliveryState, reply: String, attempts: Int, recordedAt: Date
    ) {
        self.digest = digest
        self.issueDate = issueDate
        self.recipient = recipient
        self.address = address
        self.channel = channel
        self.state = state
        self.reply = reply
        self.attempts = attempts
        self.recordedAt = recordedAt
    }
}
