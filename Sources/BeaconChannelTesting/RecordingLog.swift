public import BeaconChannelAPI
public import Foundation

/// A delivery log that keeps every outcome in memory and never asks a channel to stop: what a
/// channel's own test reads back.
public final class RecordingLog: DeliveryLog, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [(delivery: Delivery, outcome: DeliveryOutcome)] = []

    public init() {}

    public func record(_ delivery: Delivery, _ outcome: DeliveryOutcome) {
        lock.withLock { kept.append((delivery, outcome)) }
    }

    public var mayHandOver: Bool { true }

    /// Every outcome, in the order recorded.
    public var outcomes: [DeliveryOutcome] { lock.withLock { kept.map(\.outcome) } }

    /// Every delivery with its outcome, in the order recorded.
    public var recorded: [(delivery: Delivery, outcome: DeliveryOutcome)] { lock.withLock { kept } }

    /// Whether every delivery was delivered.
    public var allDelivered: Bool {
        outcomes.allSatisfy { if case .delivered = $0 { true } else { false } }
    }
}

extension Channel {
    /// Delivers into a new `RecordingLog` and returns it.
    @discardableResult
    public func deliverRecording(_ deliveries: some Sequence<Delivery>) throws(ChannelFailure) -> RecordingLog {
        let log = RecordingLog()
        try deliver(deliveries, log: log)
        return log
    }
}
