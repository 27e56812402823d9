public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB

extension SQLiteLedger {
    public func suppress(_ address: String, reader: RecipientKey?, digest: DigestID?, how: String, at now: Date) throws(LedgerError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO suppression (address, subscriber, digest, recorded_at, how) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (address, digest) DO UPDATE SET
                    subscriber = coalesce(excluded.subscriber, subscriber),
                    recorded_at = CASE WHEN lifted_at IS NULL THEN recorded_at ELSE excluded.recorded_at END,
                    how = CASE WHEN lifted_at IS NULL THEN how ELSE excluded.how END,
                    lifted_at = NULL
                """, arguments: [address.lowercased(), reader?.rawValue, digest?.rawValue ?? "", now, how])
        }
    }

    public func unsuppress(_ address: String, digest: DigestID?, at now: Date) throws(LedgerError) -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE suppression SET lifted_at = ? WHERE address = ? AND lifted_at IS NULL AND (? IS NULL OR digest = ?)
                """, arguments: [now, address.lowercased(), digest?.rawValue, digest?.rawValue])
            return db.changesCount
        }
    }

    public func suppressions() throws(LedgerError) -> [Suppression] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM suppression ORDER BY recorded_at").map { row in
                let digest: String = row["digest"]
                return Suppression(
                    address: row["address"], reader: (row["subscriber"] as String?).map(RecipientKey.init),
                    digest: digest.isEmpty ? nil : DigestID(digest), recordedAt: row["recorded_at"], how: row["how"], liftedAt: row["lifted_at"])
            }
        }
    }

    public func suppressed(for digest: DigestID) throws(LedgerError) -> Suppressed {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT address, subscriber FROM suppression WHERE lifted_at IS NULL AND (digest = '' OR digest = ?)
                """, arguments: [digest.rawValue])
            return Suppressed(
                addresses: Set(rows.map { $0["address"] as String }),
                readers: Set(rows.compactMap { ($0["subscriber"] as String?).map(RecipientKey.init) }))
        }
    }
}
