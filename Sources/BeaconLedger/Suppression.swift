import BeaconCore
import Foundation
import GRDB

/// A reader who asked for no more digests: from one digest, or from all of them. Lifting it
/// keeps the record, with when.
public struct Suppression: Sendable, Hashable {
    public let address: String
    /// The subscriber id the request named (a token does), so a changed address still counts.
    public let subscriber: String?
    /// Nil for every digest.
    public let digest: DigestID?
    public let recordedAt: Date
    /// `token` when the reader's own signed link asked, `operator` when the fund team did.
    public let how: String
    public let liftedAt: Date?
}

/// Who must get nothing more of one digest: by address (lower-cased) or by subscriber id.
public struct Suppressed: Sendable {
    let addresses: Set<String>
    let subscribers: Set<String>

    public func contains(_ recipient: Recipient) -> Bool {
        (!recipient.email.isEmpty && addresses.contains(recipient.email.lowercased())) || subscribers.contains(recipient.key)
    }
}

extension Ledger {
    /// Records that `address` (and `subscriber`, when known) wants nothing more of `digest`,
    /// or of anything. Recording it again keeps the first date; a lifted one is in force again.
    public func suppress(_ address: String, subscriber: String? = nil, digest: DigestID?, how: String, at now: Date) throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO suppression (address, subscriber, digest, recorded_at, how) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (address, digest) DO UPDATE SET
                    subscriber = coalesce(excluded.subscriber, subscriber),
                    recorded_at = CASE WHEN lifted_at IS NULL THEN recorded_at ELSE excluded.recorded_at END,
                    how = CASE WHEN lifted_at IS NULL THEN how ELSE excluded.how END,
                    lifted_at = NULL
                """, arguments: [address.lowercased(), subscriber, digest?.rawValue ?? "", now, how])
        }
    }

    /// Lifts the suppressions of `address` in force (for `digest` only, or every one); returns
    /// how many were lifted.
    public func unsuppress(_ address: String, digest: DigestID?, at now: Date) throws(LedgerError) -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE suppression SET lifted_at = ? WHERE address = ? AND lifted_at IS NULL AND (? IS NULL OR digest = ?)
                """, arguments: [now, address.lowercased(), digest?.rawValue, digest?.rawValue])
            return db.changesCount
        }
    }

    /// Every suppression ever recorded, lifted ones included, oldest first.
    public func suppressions() throws(LedgerError) -> [Suppression] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM suppression ORDER BY recorded_at").map { row in
                let digest: String = row["digest"]
                return Suppression(
                    address: row["address"], subscriber: row["subscriber"], digest: digest.isEmpty ? nil : DigestID(digest),
                    recordedAt: row["recorded_at"], how: row["how"], liftedAt: row["lifted_at"])
            }
        }
    }

    /// Who must get nothing more of `digest`.
    public func suppressed(for digest: DigestID) throws(LedgerError) -> Suppressed {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT address, subscriber FROM suppression WHERE lifted_at IS NULL AND (digest = '' OR digest = ?)
                """, arguments: [digest.rawValue])
            return Suppressed(
                addresses: Set(rows.map { $0["address"] as String }), subscribers: Set(rows.compactMap { $0["subscriber"] as String? }))
        }
    }
}
