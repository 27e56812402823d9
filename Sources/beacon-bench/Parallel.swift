import Dispatch
import Foundation
import BeaconCore
import Synchronization

/// Runs indexed work on a fixed number of threads, each taking the next run of indices as
/// it is free. Runs, not single indices: copies come in sharing order, and two threads on the
/// same reader profile would wait for each other's shared work.
struct Parallel {
    let threads: Int
    static let run = 64

    /// Calls `body` for every index in `0..<count`; returns how many calls returned true.
    func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Bool) -> Int {
        let next = Atomic(0)
        let done = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let start = next.add(Self.run, ordering: .relaxed).oldValue
                guard start < count else { return }
                for index in start..<min(start + Self.run, count) where body(index) { done.add(1, ordering: .relaxed) }
            }
        }
        return done.load(ordering: .relaxed)
    }
}

/// Wall-clock and processor time since the stopwatch was made. Processor time, summed over
/// threads, varies less than wall time on a shared machine.
struct Stopwatch {
    private let start = DispatchTime.now()

    struct Lap {
        let wall: Double
        let processor: Double

        static func - (a: Lap, b: Lap) -> Lap { Lap(wall: a.wall - b.wall, processor: a.processor - b.processor) }
        static func + (a: Lap, b: Lap) -> Lap { Lap(wall: a.wall + b.wall, processor: a.processor + b.processor) }
    }

    func lap() -> Lap {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let processor = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Lap(wall: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, processor: processor)
    }
}

/// One issue per copy, written by whichever thread handles that index.
final class Issues: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Delivery?>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    subscript(index: Int) -> Delivery? {
        get { values[index] }
        set { values[index] = newValue }
    }
}
