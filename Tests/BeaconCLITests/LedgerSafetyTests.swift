import BeaconTestSupport
import Foundation
import Testing

/// A ledger that forgets what was sent would send it all again: one that is missing, empty,
/// damaged or from a newer Beacon is refused before anything is sent or written.
@Suite("A ledger that cannot be trusted is refused, with the way forward")
struct LedgerSafetyTests {
    /// The example sent once to the outbox, so the data folder holds a ledger and what it wrote.
    static func sentOnce() throws -> URL {
        let folder = try BeaconProcess.copyOfExample()
        #expect(try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder).status == 0)
        return folder
    }

    /// Every file under Digests/ but the lock files and SQLite's own -wal and -shm (a read makes
    /// them, empty), with its bytes: to show nothing changed.
    static func contents(of folder: URL) throws -> [String: Data] {
        let digests = folder.appendingPathComponent("Digests")
        var files: [String: Data] = [:]
        for case let file as URL in FileManager.default.enumerator(at: digests, includingPropertiesForKeys: nil)! {
            let name = String(file.path.dropFirst(digests.path.count))
            guard !name.hasSuffix("lock"), !name.hasSuffix("-shm"), !name.hasSuffix("-wal"), (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true else { continue }
            files[name] = try Data(contentsOf: file)
        }
        return files
    }

    static func sqlite(_ folder: URL, _ statements: String) throws {
        let result = try PythonScript.run(
            code: "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
            [folder.appendingPathComponent("Digests/beacon.sqlite").path, statements])
        #expect(result.status == 0, "\(result.errors)")
    }

    /// A send of the next issue, which would write to the outbox if it were allowed to.
    static func sendNext(_ folder: URL) throws -> BeaconProcess.Result {
        try BeaconProcess.run(["send", "--as-of", "2027-01-01"], in: folder)
    }

    @Test("A ledger truncated to 0 bytes beside earlier output: nothing is sent or written, and the message says to restore or start afresh")
    func emptyLedger() throws {
        let folder = try Self.sentOnce()
        let ledger = folder.appendingPathComponent("Digests/beacon.sqlite")
        try Data().write(to: ledger)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledger.path + suffix) }
        let before = try Self.contents(of: folder)
        let result = try Self.sendNext(folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("is empty (0 bytes)"), "\(result.errors)")
        #expect(result.errors.contains("Restore it from your backup"))
        #expect(result.errors.contains("beacon ledger start-afresh"))
        #expect(try Self.contents(of: folder) == before)
    }

    @Test("A missing ledger beside earlier output is refused; start-afresh keeps the old file aside and sending works again")
    func missingLedger() throws {
        let folder = try Self.sentOnce()
        let ledger = folder.appendingPathComponent("Digests/beacon.sqlite")
        try FileManager.default.moveItem(at: ledger, to: folder.appendingPathComponent("lost.sqlite"))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledger.path + suffix) }
        let refused = try Self.sendNext(folder)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("is missing, but its folder holds what earlier sends wrote (beacon.lock, reports, outbox, feeds, bulletins)"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: ledger.path))

        let unconfirmed = try BeaconProcess.run(["ledger", "start-afresh"], in: folder)
        #expect(unconfirmed.status == 64)
        #expect(try BeaconProcess.run(["ledger", "start-afresh", "--accept-resending"], in: folder).status == 0)
        let again = try BeaconProcess.run(["send", "portfolio-holders-monthly", "--as-of", "2026-12-01"], in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("email: 3 sent"), "a fresh ledger sends the issue again")
    }

    @Test("A ledger written by a newer Beacon, with a migration this version does not know, is refused and left as it was",
          arguments: [
            "INSERT INTO grdb_migrations (identifier) VALUES ('bounces kept per delivery');",
            "ALTER TABLE delivery ADD COLUMN bounced_at DATETIME;",
          ])
    func newerLedger(change: String) throws {
        let folder = try Self.sentOnce()
        try Self.sqlite(folder, change + "PRAGMA wal_checkpoint(TRUNCATE);")
        let before = try Self.contents(of: folder)
        let result = try Self.sendNext(folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("was written by a newer version of Beacon or changed by hand"), "\(result.errors)")
        #expect(result.errors.contains("bounces kept per delivery") || result.errors.contains("a column delivery.bounced_at"))
        #expect(try Self.contents(of: folder) == before)
        #expect(try BeaconProcess.run(["history"], in: folder).status == 1, "reading commands refuse it too")
    }

    @Test("A ledger with damaged pages is refused before anything is sent or written; ledger check lists the damage")
    func damagedLedger() throws {
        let folder = try Self.sentOnce()
        try Self.sqlite(folder, "PRAGMA wal_checkpoint(TRUNCATE);")
        let ledger = folder.appendingPathComponent("Digests/beacon.sqlite")
        let handle = try FileHandle(forUpdating: ledger)
        // Pages in the middle of the file, where the deliveries' rows and indexes are.
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3 * 4096))
        try handle.close()
        let before = try Self.contents(of: folder)
        let result = try Self.sendNext(folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("is damaged ("), "\(result.errors)")
        #expect(try Self.contents(of: folder) == before)
        let check = try BeaconProcess.run(["ledger", "check"], in: folder)
        #expect(check.status == 1)
        #expect(!check.errors.isEmpty)
    }

    @Test("ledger check passes a sound ledger")
    func soundLedger() throws {
        let folder = try Self.sentOnce()
        let check = try BeaconProcess.run(["ledger", "check"], in: folder)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("is sound"))
    }
}
