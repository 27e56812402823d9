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
    /// No ledger, though the data folder holds what earlier sends wrote.
    case missing(path: String, earlierOutput: [String])
    /// A ledger file of no bytes: truncated, or replaced by an empty file.
    case empty(path: String)
    /// SQLite found damaged pages, or the file is not a ledger at all.
    case damaged(path: String, detail: String)
    /// Tables or migrations this version does not know: a newer Beacon wrote it, or someone
    /// changed it by hand.
    case newer(path: String, detail: String)
    /// The disk holding the ledger is full: nothing more can be recorded, so nothing more is sent.
    case full(path: String)

    static let restore = "Restore it from your backup (see Digests/README.md), or if there is none and every issue may be sent again, run `beacon ledger start-afresh`."

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
        case .missing(let path, let earlierOutput):
            "the delivery ledger \(path) is missing, but its folder holds what earlier sends wrote (\(earlierOutput.joined(separator: ", "))). Without it Beacon cannot tell what was sent and would send everything again, so nothing was sent. \(Self.restore)"
        case .empty(let path):
            "the delivery ledger \(path) is empty (0 bytes): it has been truncated or replaced, and Beacon cannot tell what was sent, so nothing was sent. \(Self.restore)"
        case .damaged(let path, let detail):
            "the delivery ledger \(path) is damaged (\(detail)); nothing was sent or changed. \(Self.restore) `beacon ledger check` shows every problem SQLite finds."
        case .newer(let path, let detail):
            "the delivery ledger \(path) was written by a newer version of Beacon or changed by hand (it has \(detail)); this version will not use it, so nothing was sent or changed. Run the newer Beacon, or restore a backup this version wrote."
        case .full(let path):
            "the disk holding the delivery ledger \(path) is full, so no outcome can be recorded and nothing more was handed to any server. Free some space and run again: what was not recorded is sent then."
        }
    }
}
