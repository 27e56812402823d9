import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "List each digest's next send times in its own time zone, and its last issue.")

    @Option(help: "How many times to list per digest.")
    var count = 3

    @OptionGroup var moment: MomentOption
    @OptionGroup var options: ConfigOptions

    func run() throws {
        let (configuration, _) = try options.load()
        let now = try moment.moment(in: configuration.settings.timeZone)
        let ledger = try ledgerCall { try LedgerStore.open(configuration.settings, purpose: .reading) }
        let due = try ledger.map { ledger in try ledgerCall { try DueIssues.at(now, of: configuration.digests, in: ledger) } } ?? []
        for digest in configuration.digests {
            let latest = try ledger.flatMap { ledger in try ledgerCall { try ledger.latestIssue(of: digest.id) } }
            print("\(digest.id): \(digest.schedule)")
            print("  last issue: \(latest.map { "\($0.date), created \(Self.format($0.createdAt, in: digest.schedule.timeZone))" } ?? "none yet")")
            if let issue = due.first(where: { $0.definition.id == digest.id }), let scheduledAt = issue.scheduledAt {
                print("  due now: the issue of \(issue.date), scheduled \(Self.format(scheduledAt, in: digest.schedule.timeZone))")
            }
            // Times on a date that already has an issue send nothing, so they are not listed.
            let zone = digest.schedule.timeZone
            let from = latest.map { max(now, $0.date.adding(days: 1).start(in: zone).addingTimeInterval(-1)) } ?? now
            for time in digest.schedule.upcoming(after: from, count: count) {
                print("  next: \(Self.format(time, in: digest.schedule.timeZone))")
            }
        }
    }

    /// `Tue 1 Dec 2026 09:00 GMT`: local time with the zone's abbreviation, so BST and GMT show.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE d MMM yyyy HH:mm zzz"
        return formatter.string(from: date)
    }
}
