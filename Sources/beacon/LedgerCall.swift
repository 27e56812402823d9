import ArgumentParser
import BeaconLedger

/// Runs a ledger operation; if it fails, says why on standard error and exits 1.
func ledgerCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LedgerError {
        Report.standardError(error.description)
        throw ExitCode(1)
    }
}
