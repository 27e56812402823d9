import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import BeaconSQLiteLedger
import Foundation

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Look after the delivery ledger: check it, or start afresh when it is lost and there is no backup.",
        subcommands: [Check.self, StartAfresh.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every page and index of the ledger (SQLite's integrity check) and that this version can use it.",
            discussion: "Reads only. Exit status 0 when the ledger is sound, 1 with every problem found when it is not.")

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let (configuration, _) = try options.load()
            let folder = configuration.settings.dataFolder
            guard let ledger = try ledgerCall({ try LedgerStore.open(configuration.settings, purpose: .reading) }) else {
                print("There is no ledger in \(ConfigurationLoader.displayName(folder)) yet; the first send makes one.")
                return
            }
            let problems = try ledgerCall { try ledger.integrityProblems() }
            guard problems.isEmpty else {
                problems.forEach { Report.standardError($0) }
                Report.standardError(LedgerError.damaged(path: ledger.location, detail: "\(problems.count) problems above").description)
                throw ExitCode(1)
            }
            print("\(ConfigurationLoader.displayName(URL(fileURLWithPath: ledger.location))) is sound: every page and index checked, and this version of Beacon can use it.")
        }
    }

    struct StartAfresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start-afresh",
            abstract: "Set the ledger aside and start an empty one, accepting that every issue may be sent again.",
            discussion: """
                For a ledger that is missing, empty, damaged or from a newer Beacon, when there is \
                no backup to restore. The old file is renamed (beacon.sqlite.set-aside-<time>), \
                never deleted. The new ledger knows nothing of what was sent: the next send of an \
                issue already sent sends it to every reader again, and unsubscribes recorded \
                only in the old ledger are forgotten (record them again with `beacon unsubscribe`).
                """)

        @Flag(help: "Confirm that every issue may be sent again.")
        var acceptResending = false

        @OptionGroup var options: ConfigOptions

        func run() throws {
            guard acceptResending else {
                throw ValidationError("starting afresh forgets what was sent; if a backup exists, restore it instead. Run again with --accept-resending to go ahead.")
            }
            let (configuration, _) = try options.load()
            let folder = configuration.settings.dataFolder
            let lock: RunLock
            do {
                lock = try RunLock.acquire(in: folder)
            } catch {
                Report.standardError(error.description)
                throw ExitCode(75)
            }
            defer { withExtendedLifetime(lock) {} }
            let setAside = try ledgerCall { try SQLiteLedger.startAfresh(in: folder, now: Date()) }
            if let setAside { print("The old ledger is kept as \(ConfigurationLoader.displayName(URL(fileURLWithPath: setAside))).") }
            print("Started an empty ledger in \(ConfigurationLoader.displayName(folder)); the next send treats every reader as having received nothing.")
        }
    }
}
