/// Where a channel reports what happened to each delivery. Beacon's send keeps it in the
/// delivery ledger; a channel's own tests collect it in memory (`BeaconChannelTesting`).
public protocol DeliveryLog: Sendable {
    /// Records what happened to `delivery`. It returns once the outcome is kept safely, so a
    /// channel that hands the next message over only after recording the last never has more
    /// than one message per connection that a crash could make it send again.
    func record(_ delivery: Delivery, _ outcome: DeliveryOutcome)

    /// As `record`, but returns at once: for a channel whose repeat is harmless, because doing
    /// it again writes the same file in the same place, so it need not wait for the disk
    /// before the next delivery.
    func recordRepeatable(_ delivery: Delivery, _ outcome: DeliveryOutcome)

    /// False once nothing more may be handed over: the operator asked the run to stop, or the
    /// ledger can no longer record what happens. Ask before each hand-over; what is not handed
    /// over stays pending for the next run.
    var mayHandOver: Bool { get }
}

extension DeliveryLog {
    public func recordRepeatable(_ delivery: Delivery, _ outcome: DeliveryOutcome) {
        record(delivery, outcome)
    }
}
