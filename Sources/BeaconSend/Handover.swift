import BeaconChannelAPI
import BeaconLedger
import Foundation

/// The deliveries of one channel, made as the channel pulls them, ending early when a stop is
/// asked for. Rows are claimed a batch at a time and assembled a few at a time on every core:
/// a channel pulls from one thread at a time, and assembling one by one there left the other
/// cores waiting. A ledger that cannot be read ends the sequence and sets the stop.
struct Handover: Sequence, IteratorProtocol {
    private let claimed: ClaimedDeliveries
    private let stop: StopSignal
    private let make: @Sendable (LedgerDelivery) -> Delivery?
    private let failure: @Sendable (LedgerError) -> Void
    private var rows: [LedgerDelivery] = []
    private var position = 0
    private var made: [Delivery?] = []
    private var taken = 0
    /// Rows come in hand-over order, so a few at a time are a few kinds of reader; small, so a
    /// stop leaves little assembled and unsent.
    private static let assembledPerCore = 8

    init(
        claimed: ClaimedDeliveries, stop: StopSignal, failure: @escaping @Sendable (LedgerError) -> Void,
        make: @escaping @Sendable (LedgerDelivery) -> Delivery?
    ) {
        self.claimed = claimed
        self.stop = stop
        self.failure = failure
        self.make = make
    }

    mutating func next() -> Delivery? {
        while !stop.isStopped {
            if taken < made.count {
                taken += 1
                if let delivery = made[taken - 1] { return delivery }
                continue
            }
            if position == rows.count {
                do {
                    rows = try claimed.nextBatch()
                } catch {
                    failure(error)
                    return nil
                }
                position = 0
                guard !rows.isEmpty else { return nil }
            }
            let end = Swift.min(position + Self.assembledPerCore * ProcessInfo.processInfo.activeProcessorCount, rows.count)
            made = Self.assemble(Array(rows[position..<end]), make)
            position = end
            taken = 0
        }
        return nil
    }

    private static func assemble(_ batch: [LedgerDelivery], _ make: @Sendable (LedgerDelivery) -> Delivery?) -> [Delivery?] {
        let made = UnsafeMutableBufferPointer<Delivery?>.allocate(capacity: batch.count)
        made.initialize(repeating: nil)
        defer {
            made.deinitialize()
            made.deallocate()
        }
        // Each index is written by one thread only.
        nonisolated(unsafe) let slots = made
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in slots[index] = make(batch[index]) }
        return Array(made)
    }
}
