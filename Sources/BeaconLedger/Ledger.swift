import BeaconCore
import Foundation
import GRDB

/// What Beacon has sent: every issue, every recipient's delivery and its state, and the
/// addresses that asked for nothing more. Kept in SQLite beside the other data, so a run that
/// is killed can be finished by the next one.
public final class Ledger: Sendable {
    public static let fileName = "beacon.sqlite"

    let database: DatabasePool
    public let path: String

    /// Opens (creating if need be, and bringing up to date) the ledger in `folder`.
    public init(folder: URL) throws(LedgerError) {
        let path = folder.appendingPathComponent(Self.fileName).path
        self.path = path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            // A second process (`beacon history` during a send) waits rather than failing.
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                // A commit reaches the disk before it returns, so a power cut cannot undo an
                // issue whose messages have gone, nor a record that a message was sent.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            // Two processes opening a new ledger at once would both try to create its tables, so
            // creating and upgrading take a lock of their own; opening a current one needs none.
            let setUp = { () throws -> DatabasePool in
                try RunLock.exclusively(at: path + ".setup-lock") {
                    let database = try DatabasePool(path: path, configuration: configuration)
                    try LedgerSchema.migrator(dataFolder: folder).migrate(database)
                    return database
                }
            }
            if FileManager.default.fileExists(atPath: path) {
                let existing = try DatabasePool(path: path, configuration: configuration)
                let current = try existing.read(LedgerSchema.migrator(dataFolder: folder).hasCompletedMigrations)
                database = current ? existing : try setUp()
            } else {
                database = try setUp()
            }
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            throw .inUse(path: path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// The ledger in `folder` if there is one: for commands that only read.
    public static func existing(in folder: URL) throws(LedgerError) -> Ledger? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        return try Ledger(folder: folder)
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do { return try database.read(body) } catch { throw .database(Self.reason(error)) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do { return try database.write(body) } catch let error as LedgerError { throw error } catch { throw .database(Self.reason(error)) }
    }

    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}

/// The ledger's tables. A new version adds a migration; existing ones never change.
enum LedgerSchema {
    static func migrator(dataFolder: URL) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("issues, deliveries and suppressions") { db in
            try db.execute(sql: """
                CREATE TABLE issue (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    digest TEXT NOT NULL,
                    issue_date TEXT NOT NULL,
                    scheduled_at DATETIME,
                    window_start TEXT NOT NULL,
                    window_end TEXT NOT NULL,
                    has_news BOOLEAN NOT NULL,
                    created_at DATETIME NOT NULL,
                    UNIQUE (digest, issue_date)
                );
                CREATE TABLE delivery (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
                    channel TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    address TEXT NOT NULL,
                    window_start TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'deferred', 'failed', 'skipped')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DATETIME,
                    last_reply TEXT,
                    updated_at DATETIME NOT NULL,
                    UNIQUE (issue_id, channel, recipient)
                );
                CREATE INDEX delivery_outstanding ON delivery (state, next_attempt_at);
                CREATE INDEX delivery_recipient ON delivery (recipient, state);
                CREATE TABLE suppression (
                    address TEXT NOT NULL COLLATE NOCASE,
                    digest TEXT NOT NULL DEFAULT '',
                    recorded_at DATETIME NOT NULL,
                    how TEXT NOT NULL,
                    PRIMARY KEY (address, digest)
                );
                """)
        }
        migrator.registerMigration("channel state") { db in
            try db.execute(sql: """
                CREATE TABLE channel_state (
                    channel TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value BLOB NOT NULL,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (channel, key)
                );
                """)
        }
        migrator.registerMigration("feed items kept in files by earlier versions") { db in
            try EarlierFeedState.importFiles(from: dataFolder, into: db)
        }
        migrator.registerMigration("suppressions keep the subscriber and when they were lifted") { db in
            try db.execute(sql: """
                ALTER TABLE suppression ADD COLUMN subscriber TEXT;
                ALTER TABLE suppression ADD COLUMN lifted_at DATETIME;
                """)
        }
        return migrator
    }
}
