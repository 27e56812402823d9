import ArgumentParser
import BeaconCore
import BeaconLedger
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
            let due = try ledger.dueIssues(of: loaded.configuration.digests, now: Date())
            let result = try SendingRun(loaded: loaded, ledger: ledger, stop: stop, now: { Date() }, command: "run")
                .run(due.map { ($0.definition, $0.date, $0.scheduledAt) }, everythingDue: true,
                     reportDate: CivilDate.today(in: loaded.configuration.settings.timeZone))
            if result.report.hasOutcomes { print(result.report.summary, terminator: "") }
            if let file = result.reportFile { print("Every delivery is listed in \(ConfigurationLoader.displayName(file)).") }
            for failure in result.channelFailures { logger.error("stopped: \(failure)") }
            guard result.channelFailures.isEmpty else { return retryLater }
            return try ledger.nextWake(for: loaded.configuration.digests, after: Date()) ?? retryLater
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
