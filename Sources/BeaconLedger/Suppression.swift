import BeaconCore
import Foundation
import GRDB

/// An address that asked for no more digests: from one digest, or from all of them.
public struct Suppression: Sendable, Hashable {
    public let address: String
    /// Nil for every digest.
    public let digest: DigestID?
    public let recordedAt: Date
    /// `token` when the reader's own signed link asked, `operator` when the fund team did.
    public let how: String
}

extension Ledger {
    /// Records that `address` wants nothing more (of `digest`, or of anything). Recording it
    /// again keeps the first date.
    public func suppress(_ address: String, digest: DigestID?, how: String, at now: Date) throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO suppression (address, digest, recorded_at, how) VALUES (?, ?, ?, ?)
                """, arguments: [address.lowercased(), digest?.rawValue ?? "", now, how])
        }
    }

    /// Lifts the suppression of `address` (for `digest`, or every one); returns how many were lifted.
    public func unsuppress(_ address: String, digest: DigestID?) throws(LedgerError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM suppression WHERE address = ? AND (? IS NULL OR digest = ?)",
                           arguments: [address.lowercased(), digest?.rawValue, digest?.rawValue])
            return db.changesCount
        }
    }

    public func suppressions() throws(LedgerError) -> [Suppression] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM suppression ORDER BY recorded_at").map { row in
                let digest: String = row["digest"]
                return Suppression(
                    address: row["address"], digest: digest.isEmpty ? nil : DigestID(digest), recordedAt: row["recorded_at"], how: row["how"])
            }
        }
    }

    /// Lower-cased addresses that must get nothing more of `digest`.
    public func suppressedAddresses(for digest: DigestID) throws(LedgerError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT address FROM suppression WHERE digest = '' OR digest = ?", arguments: [digest.rawValue]))
        }
    }
}
