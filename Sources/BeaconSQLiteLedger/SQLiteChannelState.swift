import BeaconChannelAPI
import BeaconCore
import Foundation
import GRDB

/// One channel's state, kept in the ledger: a feed's items sit in the same file as the record
/// of the deliveries that published them, and are saved with the same care.
struct SQLiteChannelState: ChannelState {
    let ledger: SQLiteLedger
    let channel: ChannelName

    func load(_ key: String) throws -> Data? {
        try ledger.read { db in
            try Data.fetchOne(db, sql: "SELECT value FROM channel_state WHERE channel = ? AND key = ?", arguments: [channel.rawValue, key])
        }
    }

    func save(_ value: Data, as key: String) throws {
        try ledger.write { db in
            try db.execute(sql: """
                INSERT INTO channel_state (channel, key, value, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (channel, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, arguments: [channel.rawValue, key, value, Date()])
        }
    }

    func keys() throws -> [String] {
        try ledger.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM channel_state WHERE channel = ? ORDER BY key", arguments: [channel.rawValue])
        }
    }
}
