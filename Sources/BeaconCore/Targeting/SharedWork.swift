import Dispatch
import Foundation

/// Work that every reader of an issue waits for and then shares, such as a network's pairs:
/// split across the processors, since the threads assembling readers' issues would otherwise
/// wait while one of them does it all.
enum SharedWork {
    static let parts = max(ProcessInfo.processInfo.activeProcessorCount, 1)

    /// `body(part)` for each part in `0..<parts`, at the same time; the results in part order.
    /// `body` may read what it captures, and write only what is its part's own.
    static func split<Result>(_ body: (Int) -> Result) -> [Result] {
        let results = UnsafeMutableBufferPointer<Result>.allocate(capacity: parts)
        defer { results.deallocate() }
        withoutActuallyEscaping(body) { body in
            let work = Parts(body: body, results: results)
            DispatchQueue.concurrentPerform(iterations: parts) { part in work.run(part) }
        }
        defer { _ = results.deinitialize() }
        return Array(results)
    }

    /// What the threads share: each writes its own result only.
    private struct Parts<Result>: @unchecked Sendable {
        let body: (Int) -> Result
        let results: UnsafeMutableBufferPointer<Result>

        func run(_ part: Int) {
            (results.baseAddress! + part).initialize(to: body(part))
        }
    }
}
