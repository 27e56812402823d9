import BeaconLedger
import Foundation

/// Keeps a run's claims from lapsing while it works: renews them a few times per lease on a
/// thread of its own. A run that dies stops renewing, and after the lease another run may take
/// what it held.
final class LeaseKeeper: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false

    init(ledger: any DeliveryLedger, run: LedgerRun, lease: TimeInterval, now: @escaping @Sendable () -> Date) {
        let thread = Thread { [self] in
            condition.lock()
            defer { condition.unlock() }
            while !stopped {
                _ = condition.wait(until: Date().addingTimeInterval(lease / 4))
                guard !stopped else { break }
                // A failed renewal is not fatal: the outcomes' own writes will report a ledger
                // that cannot be written, and the worst case is another run taking a delivery.
                try? ledger.renewClaims(of: run, until: now().addingTimeInterval(lease))
            }
        }
        thread.name = "beacon-lease"
        thread.start()
    }

    func finish() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
