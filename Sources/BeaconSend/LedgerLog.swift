import BeaconChannelAPI
import BeaconLedger

/// What a channel reports to during a send: each outcome goes to the ledger against the row the
/// delivery was made from (its `reference` is the row's id), and hand-overs stop once the run
/// is stopping or the ledger cannot record.
struct LedgerLog: DeliveryLog {
    let recorder: OutcomeRecorder
    let stop: StopSignal
    let claimed: ClaimedDeliveries
    let progress: @Sendable () -> Void

    func record(_ delivery: Delivery, _ outcome: DeliveryOutcome) {
        guard let row = claimed.take(Int64(delivery.reference)) else { return }
        recorder.record(row, outcome)
        progress()
    }

    func recordRepeatable(_ delivery: Delivery, _ outcome: DeliveryOutcome) {
        guard let row = claimed.take(Int64(delivery.reference)) else { return }
        recorder.record(row, outcome, waitingForDisk: false)
        progress()
    }

    var mayHandOver: Bool { !stop.isStopped && recorder.canRecord }
}
