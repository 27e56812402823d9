import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show sent issues with how many deliveries are in each state, and why any did not arrive.",
        discussion: """
            Newest first. For each issue: when it was scheduled and created, the news it covers, \
            and per channel how many deliveries were sent, deferred (with when they are tried \
            next), failed, skipped or still pending. Failed and deferred deliveries are listed \
            with the server's last reply.
            """)

    @Argument(help: "A digest id (default: every digest).")
    var digest: String?

    @Option(help: "How many issues to show.")
    var limit = 10

    @Option(help: "How many failed or deferred deliveries to list per issue.")
    var problems = 20

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let (configuration, _) = try options.load()
        let zone = configuration.settings.timeZone
        guard let ledger = try ledgerCall({ try LedgerStore.open(configuration.settings, purpose: .reading) }) else {
            print("Nothing has been sent yet from \(ConfigurationLoader.displayName(configuration.settings.dataFolder)).")
            return
        }
        let issues = try ledgerCall { try ledger.issues(of: digest.map(DigestID.init), limit: limit) }
        if issues.isEmpty { print("No issues\(digest.map { " of \($0)" } ?? "") yet.") }
        for issue in issues {
            let scheduled = issue.scheduledAt.map { "scheduled \(ScheduleCommand.format($0, in: zone))" } ?? "sent by hand"
            print("\(issue.digest) issue of \(issue.date) — \(scheduled), created \(ScheduleCommand.format(issue.createdAt, in: zone))")
            print("  covers news from \(issue.window.start) to \(issue.window.end.adding(days: -1))")
            let counts = try ledgerCall { try ledger.counts(of: issue) }
            if counts.isEmpty { print(issue.hasNews ? "  no readers" : "  nothing new: recorded, not sent") }
            for (channel, states) in counts.sorted(by: { $0.key < $1.key }) {
                let parts = DeliveryState.allCases.compactMap { state in states[state].map { "\($0) \(state.rawValue)" } }
                print("  \(channel): \(parts.joined(separator: ", "))")
            }
            for skip in try ledgerCall({ try ledger.skipReasons(of: issue) }) {
                print("    skipped \(skip.channel) ×\(skip.count): \(skip.reason)")
            }
            let troubled = try ledgerCall { try ledger.deliveries(of: issue, in: [.failed, .deferred], limit: problems) }
            for delivery in troubled {
                let next = delivery.nextAttemptAt.map { "; next try \(ScheduleCommand.format($0, in: zone))" } ?? ""
                let address = delivery.address.isEmpty ? "" : " <\(delivery.address)>"
                print("    \(delivery.state.rawValue) \(delivery.channel) \(delivery.recipient)\(address) after \(delivery.attempts) \(delivery.attempts == 1 ? "attempt" : "attempts")\(next): \(delivery.lastReply ?? "no reply")")
            }
        }
    }
}
