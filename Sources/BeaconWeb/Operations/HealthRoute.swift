import BeaconLedger
import Hummingbird

extension Router {
    /// `/healthz`: `200` while the ledger answers, `503` with a short reason when it does not,
    /// for a proxy or monitor. The reason names no path or setting; the log has the detail.
    func addHealthCheck(ledger: any DeliveryLedger) {
        get("healthz") { _, context -> Response in
            do throws(LedgerError) {
                try ledger.ping()
                return Response.plain(.ok, cy: "iawn", en: "ok")
            } catch {
                context.logger.error("health check: \(error)")
                let (cy, en) = error.healthReason
                return Response.plain(.serviceUnavailable, cy: cy, en: en)
            }
        }
    }
}

extension LedgerError {
    /// What the failure means for readers' answers, in a few words.
    fileprivate var healthReason: (cy: String, en: String) {
        switch self {
        case .full: ("y cofnod danfon: dim lle ar y ddisg", "delivery ledger: the disk is full")
        case .inUse, .busy: ("y cofnod danfon: yn brysur", "delivery ledger: busy")
        case .missing, .empty, .damaged, .newer: ("y cofnod danfon: ni ellir ymddiried ynddo", "delivery ledger: cannot be trusted")
        case .cannotOpen, .database, .issueBeforeLatest: ("y cofnod danfon: ddim ar gael", "delivery ledger: unavailable")
        }
    }
}
