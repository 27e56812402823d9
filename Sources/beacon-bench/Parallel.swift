import Dispatch
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
