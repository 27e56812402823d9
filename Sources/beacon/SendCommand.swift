import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send digests: the issues whose scheduled time has come (--due), or the ones named now.",
        discussion: """
            Every issue is written to the delivery ledger (<data>/beacon.sqlite) with all its \
            deliveries before anything is sent, and each delivery is marked as it completes, so \
            a run that is stopped or killed is finished by the next one and nobody gets an issue \
            twice. With --due (for cron or a systemd timer, every few minutes), sends each digest \
            whose schedule has come and then retries deferred deliveries that are due. Without \
            it, sends the issue of DIGEST (default: every digest) dated today or --as-of; \
            running it again finishes that issue rather than repeating it. Only one send runs \
            at a time per data folder. Exit status: 0 all delivered or nothing due; 1 invalid \
            configuration or a channel that cannot work (an unreachable server: its deliveries \
            wait for the next run); 3 some deliveries failed or were deferred (see `beacon \
            history`); 75 another send is running.
            """)

    @Argument(help: "Digest ids to send now (default: all). Not with --due.")
    var digests: [String] = []

    @Flag(help: "Send only what is due by each digest's schedule, and retries that are due.")
    var due = false

    @Flag(help: "Send nothing and record nothing; say what is due and outstanding.")
    var dryRun = false

    @OptionGroup var moment: MomentOption
    @OptionGroup var options: ConfigOptions

    func validate() throws {
        if due, !digests.isEmpty { throw ValidationError("--due sends what each schedule says; name digests only without it") }
    }

    func run() throws {
        let loaded = try Loaded(options, sending: true)
        let configuration = loaded.configuration
        let now = try moment.moment(in: configuration.settings.timeZone)
        guard let ledger = loaded.ledger else { throw ExitCode(1) }
        let requested = try issues(configuration, now: now, ledger: ledger)
        // From cron every few minutes, a run with nothing due says nothing: cron mails output.
        let quiet = try due && requested.isEmpty && !ledgerCall { try ledger.hasOutstanding(dueBy: now) }
        if !quiet { Report.warnings(loaded.warnings) }
        if dryRun {
            let preview = try ledgerCall {
                try SendPreview(requested, everythingDue: due, now: now, configuration: configuration, ledger: ledger,
                                channels: loaded.channels, renderer: loaded.renderer)
            }
            return print(Narration.lines(of: preview).joined(separator: "\n"))
        }
        if quiet { return }

        let lock: RunLock
        do {
            lock = try RunLock.acquire(in: configuration.settings.dataFolder)
        } catch {
            Report.standardError(error.description)
            throw ExitCode(75)
        }
        defer { withExtendedLifetime(lock) {} }
        let progress = Progress(label: "Sending")
        let send = SendRun(
            configuration: configuration, ledger: ledger, channels: loaded.channels, renderer: loaded.renderer,
            retryPolicy: loaded.retryPolicy, stop: StopSignal(), now: { now }, command: due ? "send --due" : "send")
        let result = try ledgerCall {
            try send.run(requested, everythingDue: due, reportDate: moment.date ?? CivilDate.today(in: configuration.settings.timeZone, now: now)) { event in
                Narration.tell(event, in: configuration.settings.timeZone, progress: progress)
            }
        }
        progress.finish()
        print(Narration.summary(of: result.report), terminator: "")
        if let file = result.reportFile {
            print("Every delivery is listed in \(ConfigurationLoader.displayName(file)); `beacon history` shows every issue.")
        }
        for stop in result.channelStops { Report.standardError("Stopped: \(stop)") }
        if !result.channelStops.isEmpty { throw ExitCode(1) }
        if result.report.hasProblems { throw ExitCode(3) }
    }

    /// With --due, the issues each schedule has brought; otherwise the named digests' issues
    /// dated today (or --as-of).
    private func issues(_ configuration: Configuration, now: Date, ledger: any DeliveryLedger) throws -> [IssueRequest] {
        if due { return try ledgerCall { try DueIssues.at(now, of: configuration.digests, in: ledger) } }
        return try selectedDigests(configuration).map {
            IssueRequest(definition: $0, date: moment.date ?? CivilDate.today(in: $0.schedule.timeZone, now: now), scheduledAt: nil)
        }
    }

    private func selectedDigests(_ configuration: Configuration) throws -> [DigestDefinition] {
        guard !digests.isEmpty else { return configuration.digests }
        return try digests.map(configuration.digest(named:))
    }
}
