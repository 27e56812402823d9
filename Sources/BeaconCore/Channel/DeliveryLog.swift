/// Where a channel reports what happened to each delivery. Beacon's send keeps it in the
/// delivery ledger; a channel's own tests can collect it in memory.
public protocol DeliveryLog: Sendable {
    /// Records what happened to `delivery`. It returns once the outcome is kept safely, so a
    /// channel that hands the next message over only after recording the last never has more
    /// than one message per connection that a crash could make it send again.
    func record(_ delivery: Delivery, _ outcome: DeliveryOutcome)

    /// False once nothing more may be handed over: the operator asked the run to stop, or the
    /// ledger can no longer record what happens. Ask before each hand-over; what is not handed
    /// over stays pending for the next run.
    var mayHandOver: Bool { get }
}

/// A log that passes each outcome to a closure and never asks a channel to stop: for
/// channels' own tests and for tools that are not sending for real.
public struct OutcomeCallback: DeliveryLog {
    private let body: @Sendable (Delivery, DeliveryOutcome) -> Void

    public init(_ body: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void) {
        self.body = body
    }

    public func record(_ delivery: Delivery, _ outcome: DeliveryOutcome) { body(delivery, outcome) }

    public var mayHandOver: Bool { true }
}

extension Channel {
    /// Delivers with every outcome passed to `record`, nothing asking the channel to stop.
    public func deliver(
        _ deliveries: some Sequence<Delivery>, record: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void
    ) throws(ChannelFailure) {
        try deliver(deliveries, log: OutcomeCallback(record))
    }
}
