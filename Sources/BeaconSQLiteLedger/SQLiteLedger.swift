public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The delivery ledger in SQLite, beside the other data in the data folder: the embedded
/// store, which needs no server.
///
/// A ledger is opened only when it can be trusted: one that is missing or empty beside the
/// output of earlier sends, damaged, or written by a newer Beacon is refused with the way
/// forward, because a ledger that forgets what was sent sends it all again.
public final class SQLiteLedger: DeliveryLedger {
    public static let fileName = "beacon.sqlite"

    let database: DatabasePool
    public let path: String
    /// The file opened (device and inode), so `ping` notices when it is removed or replaced
    /// under a long-running process, which would otherwise go on using a file no other command sees.
    private let openedFile: FileID?

    /// Opens (creating if need be, and bringing up to date) the ledger in `folder`, for a
    /// command that records. With `checkingPages`, every page is checked first (`PRAGMA
    /// quick_check`), so a damaged file is refused before anything is sent or written.
    public convenience init(folder: URL, checkingPages: Bool = false) throws(LedgerError) {
        try self.init(folder: folder, opening: .recording, checkingPages: checkingPages)
    }

    /// The ledger in `folder` if there is one: for commands that only read.
    public static func existing(in folder: URL) throws(LedgerError) -> SQLiteLedger? {
        guard size(of: folder.appendingPathComponent(fileName).path) != nil else { return nil }
        return try SQLiteLedger(folder: folder, opening: .reading, checkingPages: false)
    }

    /// Sets the ledger in `folder` aside (renamed, never deleted) and starts an empty one: for
    /// an operator who has no backup to restore and accepts that what was sent is forgotten.
    /// Returns where the old file went, if there was one.
    public static func startAfresh(in folder: URL, now: Date) throws(LedgerError) -> String? {
        let path = folder.appendingPathComponent(fileName).path
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withInternetDateTime])
            .replacingOccurrences(of: ":", with: "")
        let setAside = "\(path).set-aside-\(stamp)"
        for suffix in ["", "-wal", "-shm"] where size(of: path + suffix) != nil {
            guard rename(path + suffix, setAside + suffix) == 0 else {
                throw .cannotOpen(path: path, reason: "cannot rename it to \(setAside + suffix): \(String(cString: strerror(errno)))")
            }
        }
        _ = try SQLiteLedger(folder: folder, opening: .afresh, checkingPages: false)
        return size(of: setAside) != nil ? setAside : nil
    }

    private enum Opening { case recording, reading, afresh }

    private init(folder: URL, opening: Opening, checkingPages: Bool) throws(LedgerError) {
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
            let migrator = LedgerSchema.migrator()
            // Two processes opening a new ledger at once would both try to create its tables, so
            // opening takes a lock of its own; it is held only while the ledger is checked.
            self.database = try SetupLock.exclusively(at: path + ".setup-lock") { () throws -> DatabasePool in
                // A valid ledger is never empty: SQLite writes its first page when it is made.
                if opening == .recording, (Self.size(of: path) ?? 0) == 0 {
                    let earlier = EarlierOutput.found(in: folder)
                    if !earlier.isEmpty {
                        throw Self.size(of: path) == nil ? LedgerError.missing(path: path, earlierOutput: earlier) : LedgerError.empty(path: path)
                    }
                } else if opening == .reading, Self.size(of: path) == 0 {
                    throw LedgerError.empty(path: path)
                }
                // Checked through a read-only connection first: opening a pool writes (it makes
                // sure the WAL file exists), and a ledger that is refused must be left as it was.
                if (Self.size(of: path) ?? 0) > 0 {
                    var readOnly = configuration
                    readOnly.readonly = true
                    try DatabaseQueue(path: path, configuration: readOnly).read { db throws in
                        try Self.check(db, path: path, migrator: migrator, checkingPages: checkingPages)
                    }
                }
                Self.keepPrivate(path)
                let database = try DatabasePool(path: path, configuration: configuration)
                if try !database.read(migrator.hasCompletedMigrations) { try migrator.migrate(database) }
                try database.read { db throws in try Self.check(db, path: path, migrator: migrator, checkingPages: false) }
                Self.keepPrivate(path)
                return database
            }
            openedFile = Self.fileID(of: path)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// Refuses a ledger with damaged pages (with `checkingPages`: SQLite's own check of every
    /// page), migrations this version does not know, or tables other than its migrations make.
    /// A ledger whose migrations are not all applied yet is left for the migrator.
    private static func check(_ db: Database, path: String, migrator: DatabaseMigrator, checkingPages: Bool) throws {
        if checkingPages {
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
            guard problems == ["ok"] else { throw LedgerError.damaged(path: path, detail: problems.joined(separator: "; ")) }
        }
        if try migrator.hasBeenSuperseded(db) {
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            throw LedgerError.newer(path: path, detail: "changes this version does not know: \(unknown.joined(separator: "; "))")
        }
        if try migrator.hasCompletedMigrations(db), let differences = try LedgerSchema.differences(in: db) {
            throw LedgerError.newer(path: path, detail: differences)
        }
    }

    /// Names and addresses are in the ledger: only its owner may read it. SQLite gives its
    /// `-wal` and `-shm` files the mode of the database file.
    private static func keepPrivate(_ path: String) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            fchmod(descriptor, 0o600)
            close(descriptor)
        }
        for suffix in ["-wal", "-shm"] { chmod(path + suffix, 0o600) }
    }

    private struct FileID: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    private static func fileID(of path: String) -> FileID? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    private static func size(of path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do { return try database.read(body) } catch { throw translated(error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do { return try database.write(body) } catch { throw translated(error) }
    }

    private func translated(_ error: any Error) -> LedgerError {
        if let error = error as? LedgerError { return error }
        if let error = error as? DatabaseError { return Self.translate(error, path: path) }
        return .database(Self.reason(error))
    }

    private static func translate(_ error: DatabaseError, path: String) -> LedgerError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_FULL: .full(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: .inUse(path: path)
        default: .database(reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}

extension SQLiteLedger {
    public var location: String { path }

    public func state(of channel: ChannelName) -> any ChannelState {
        SQLiteChannelState(ledger: self, channel: channel)
    }

    public func ping() throws(LedgerError) {
        guard let openedFile, Self.fileID(of: path) == openedFile else {
            throw .cannotOpen(path: path, reason: "the file was removed or replaced after this process opened it")
        }
        _ = try read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// SQLite's full integrity check (pages, indexes against their tables), at most 100 problems.
    public func integrityProblems() throws(LedgerError) -> [String] {
        let found = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") }
        return found == ["ok"] ? [] : found
    }
}
