import Foundation
import GRDB

/// The ledger's tables. A new version adds a migration; existing ones never change. A ledger
/// is used only when its tables are exactly the ones these migrations make: one written by a
/// newer Beacon, or changed by hand, is refused rather than half understood.
enum LedgerSchema {
    static func migrator() -> DatabaseMigrator {
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
        // Its identifier stays, so ledgers that ran it are known; the feed channels now take
        // in the files earlier versions kept themselves (`EarlierStateFiles`).
        migrator.registerMigration("feed items kept in files by earlier versions") { _ in }
        migrator.registerMigration("suppressions keep the subscriber and when they were lifted") { db in
            try db.execute(sql: """
                ALTER TABLE suppression ADD COLUMN subscriber TEXT;
                ALTER TABLE suppression ADD COLUMN lifted_at DATETIME;
                """)
        }
        migrator.registerMigration("runs and the outcome of every attempt") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    process INTEGER NOT NULL,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    stopped_early BOOLEAN NOT NULL DEFAULT 0,
                    report TEXT
                );
                CREATE TABLE outcome (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    delivery_id INTEGER NOT NULL REFERENCES delivery(id) ON DELETE CASCADE,
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    state TEXT NOT NULL,
                    reply TEXT,
                    recorded_at DATETIME NOT NULL
                );
                CREATE INDEX outcome_run ON outcome (run_id);
                CREATE INDEX outcome_delivery ON outcome (delivery_id);
                """)
        }
        migrator.registerMigration("readers' own choices and sign-ups") { db in
            try db.execute(sql: """
                CREATE TABLE reader_choice (
                    reader TEXT PRIMARY KEY,
                    language TEXT,
                    frequency TEXT,
                    interests TEXT,
                    channels TEXT,
                    paused_until TEXT,
                    updated_at DATETIME NOT NULL
                );
                CREATE TABLE signup (
                    id TEXT PRIMARY KEY,
                    digest TEXT NOT NULL,
                    name TEXT NOT NULL,
                    email TEXT NOT NULL COLLATE NOCASE,
                    audience TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    sector TEXT NOT NULL,
                    region TEXT NOT NULL,
                    interests TEXT NOT NULL,
                    language TEXT NOT NULL,
                    requested_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL,
                    confirmed_at DATETIME,
                    consent_wording TEXT,
                    consent_source TEXT
                );
                CREATE INDEX signup_email ON signup (email, requested_at);
                """)
        }
        migrator.registerMigration("deliveries claimed in hand-over order") { db in
            try db.execute(sql: """
                ALTER TABLE delivery ADD COLUMN share_rank INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE delivery ADD COLUMN claimed_by INTEGER;
                ALTER TABLE delivery ADD COLUMN claimed_until DATETIME;
                CREATE INDEX delivery_hand_over ON delivery (issue_id, channel, share_rank, id);
                """)
        }
        return migrator
    }

    /// Every table and its columns as the migrations make them, worked out once from a
    /// ledger made in memory.
    static let expected: [String: [String]] = {
        do {
            let queue = try DatabaseQueue()
            try migrator().migrate(queue)
            return try queue.read(tables)
        } catch {
            preconditionFailure("the ledger's own migrations failed in memory: \(error)")
        }
    }()

    /// What differs in `db` from the tables this version makes, worded for the message; nil
    /// when they are the same.
    static func differences(in db: Database) throws -> String? {
        let actual = try tables(db)
        var found: [String] = []
        for (table, columns) in actual.sorted(by: { $0.key < $1.key }) {
            guard let known = expected[table] else {
                found.append("a table \(table)")
                continue
            }
            found += columns.filter { !known.contains($0) }.map { "a column \(table).\($0)" }
            found += known.filter { !columns.contains($0) }.map { "no column \(table).\($0)" }
        }
        found += expected.keys.filter { actual[$0] == nil }.sorted().map { "no table \($0)" }
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }

    private static func tables(_ db: Database) throws -> [String: [String]] {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
            """)
        var tables: [String: [String]] = [:]
        for name in names {
            tables[name] = try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [name])
                .map { "\($0["name"] as String) \($0["type"] as String)\(($0["notnull"] as Int) == 1 ? " NOT NULL" : "")\(($0["pk"] as Int) > 0 ? " KEY" : "")" }
        }
        return tables
    }
}
