import BeaconChannelAPI
import Foundation

/// The deliveries of one channel, made as the channel pulls them, ending early when a stop
/// is asked for. A few at a time are assembled on every core: a channel pulls from one thread
/// at a time, and assembling one by one there left the other cores waiting. `rows` are
/// positions in the dispatcher's list of outstanding deliveries, in the order to hand over.
struct Handover: Sequence, IteratorProtocol {
    private let rows: [Int]
    private var position = 0
    private let stop: StopSignal
    private let make: @Sendable (Int) -> Delivery?
    private var made: [Delivery?] = []
    private var taken = 0
    /// Rows come in sharing order, so a batch is a few kinds of reader; small, so a stop
    /// leaves little assembled and unsent.
    private static let batchPerCore = 8

    init(rows: [Int], stop: StopSignal, make: @escaping @Sendable (Int) -> Delivery?) {
        self.rows = rows
        self.stop = stop
        self.make = make
    }

    mutating func next() -> Delivery? {
        while !stop.isStopped {
            if taken < made.count {
                taken += 1
                if let delivery = made[taken - 1] { return delivery }
                continue
            }
            guard position < rows.count else { return nil }
            let batch = Array(rows[position..<Swift.min(position + Self.batchPerCore * ProcessInfo.processInfo.activeProcessorCount, rows.count)])
            position += batch.count
            made = Self.assemble(batch, make)
            taken = 0
        }
        return nil
    }

    private static func assemble(_ batch: [Int], _ make: @Sendable (Int) -> Delivery?) -> [Delivery?] {
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
