import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation
import Logging
import ServiceLifecycle

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Stay running and send each digest when its schedule comes, retrying deferred deliveries.",
        discussion: """
            The long-running alternative to `beacon send --due` from cron: it sleeps until the \
            next scheduled time or retry, sends what is due, and sleeps again. It reads Config/ \
            afresh at each wake, and wakes at least every five minutes to notice edits. On \
            SIGTERM or SIGINT it finishes the message in flight, records it, and exits 0; what \
            was not sent is finished by the next run. Meant for a systemd service (see README).
            """)

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        // Fail at once on a configuration that cannot work, rather than in the background.
        _ = try Loaded(options)
        let logger = Logger(label: "beacon.run")
        let scheduler = Scheduler(options: options, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}

/// Wakes for the next due time, runs one sending run on its own thread (SMTP blocks), and
/// stops between messages when asked to shut down.
struct Scheduler: Service {
    let options: ConfigOptions
    let logger: Logger
    static let longestSleep: TimeInterval = 300

    func run() async throws {
        let stop = StopSignal()
        try await withGracefulShutdownHandler {
            while !stop.isStopped {
                let wake = await Self.onThread { cycle(stop: stop) }
                guard !stop.isStopped else { break }
                let seconds = min(max(wake.timeIntervalSinceNow, 1), Self.longestSleep)
                logger.info("next wake in \(Int(seconds.rounded())) s")
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(seconds)) }
                } catch {
                    break
                }
            }
        } onGracefulShutdown: {
            logger.info("stopping: finishing the message in flight")
            stop.stop()
        }
        logger.info("stopped cleanly")
    }

    /// One wake: everything due is sent; returns when there is next something to do.
    private func cycle(stop: StopSignal) -> Date {
        let retryLater = Date().addingTimeInterval(Self.longestSleep)
        do {
            let loaded = try Loaded(options, sending: true)
            let lock = try RunLock.acquire(in: loaded.configuration.settings.dataFolder, waiting: true, shouldStop: { stop.isStopped })
            defer { withExtendedLifetime(lock) {} }
            guard let ledger = loaded.ledger else { return retryLater }
            let configuration = loaded.configuration
            let due = try DueIssues.at(Date(), of: configuration.digests, in: ledger)
            let send = SendRun(
                configuration: configuration, ledger: ledger, channels: loaded.channels, renderer: loaded.renderer,
                retryPolicy: loaded.retryPolicy, stop: stop, now: { Date() }, command: "run")
            let progress = Progress(label: "Sending")
            let result = try send.run(due, everythingDue: true, reportDate: CivilDate.today(in: configuration.settings.timeZone)) { event in
                Narration.tell(event, in: configuration.settings.timeZone, progress: progress)
            }
            progress.finish()
            if result.report.hasOutcomes { print(Narration.summary(of: result.report), terminator: "") }
            if let file = result.reportFile { print("Every delivery is listed in \(ConfigurationLoader.displayName(file)).") }
            for stop in result.channelStops { logger.error("stopped: \(stop)") }
            guard result.channelStops.isEmpty else { return retryLater }
            return try DueIssues.nextWake(for: configuration.digests, after: Date(), in: ledger) ?? retryLater
        } catch let error as LedgerError {
            logger.error("\(error.description)")
        } catch {
            logger.error("this wake sent nothing; see the messages above (\(error))")
        }
        return retryLater
    }

    private static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
