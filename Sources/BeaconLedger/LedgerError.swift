import Foundation

/// Why the ledger could not do what was asked, worded for the fund officer who runs Beacon.
public enum LedgerError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// Another process held the ledger's write lock longer than the wait allowed.
    case inUse(path: String)
    case database(String)
    /// Another `beacon` holds the run lock: `holder` says which process and since when.
    case busy(holder: String)
    /// An issue dated before the latest one would cover news already sent.
    case issueBeforeLatest(digest: String, date: String, latest: String)

    public var description: String {
        switch self {
        case .inUse(let path):
            "cannot open the delivery ledger \(path): another beacon kept it busy for too long; try again when it has finished."
        case .cannotOpen(let path, let reason):
            "cannot open the delivery ledger \(path): \(reason). Check the data folder (BEACON_DATA) exists and is writable."
        case .database(let reason):
            "the delivery ledger could not be updated: \(reason)"
        case .busy(let holder):
            "another beacon is already sending (\(holder)); this run sends nothing. Whatever is due will be picked up by the next run."
        case .issueBeforeLatest(let digest, let date, let latest):
            "\(digest) already has an issue dated \(latest); an issue dated \(date) would repeat news already sent. Issues go forward in time."
        }
    }
}
