import ArgumentParser
import BeaconChannelAPI
import BeaconCore
import BeaconEmail
import BeaconSend
import Foundation
import Synchronization

/// Times the stages of a send that happen before a message leaves Beacon, on every email
/// copy of every digest dated `--as-of`: targeting and assembly, then text and HTML
/// rendering, then the MIME message. Each pass repeats the ones before it, so a stage's time
/// is the difference between two passes; all passes use every core, as `send` does.
@main
struct StageBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon-bench",
        abstract: "Time loading, assembly, rendering and MIME for every email copy of a register's digests.",
        discussion: """
            Prints one line per stage: name, wall seconds, processor seconds (all threads) and \
            messages, separated by tabs; then the average message size in bytes. With \
            --keys it also writes each reader's selected items, one line per copy, for \
            comparing another implementation's selection with Beacon's.
            """)

    @Option(help: "The settings file.")
    var config: String

    @Option(help: "The issue date, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "Write `digest<TAB>reader<TAB>section:key …` for every copy to this file.")
    var keys: String?

    @Option(help: "Threads; every core by default.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Also time SMTP alone: send composed messages to this server (smtp://host:port).")
    var smtpURL: String?

    @Option(help: "How many of the composed messages to send over SMTP.")
    var smtpMessages = 20_000

    @Option(parsing: .upToNextOption, help: "The numbers of connections to time SMTP with.")
    var smtpConnections: [Int] = [1, 2]

    func run() throws {
        guard let issueDate = CivilDate(parsing: asOf) else { throw ValidationError("--as-of \(asOf) is not a date; write YYYY-MM-DD") }
        let clock = Stopwatch()
        let configuration = try ConfigurationLoader.load(
            settingsFile: URL(fileURLWithPath: config), sections: [EmailChannel.settings].compactMap { $0 },
            ignoringOtherSections: true).configuration
        let renderer = try DigestRenderer(configuration: configuration)
        let loading = clock.lap()
        report("load and validate", loading, count: configuration.subscribers.count)

        let email = try Self.emailChannel(configuration, environment: ProcessInfo.processInfo.environment)
        let copies = PlannedCopies(configuration: configuration, renderer: renderer, channel: email, issueDate: issueDate)
        let parallel = Parallel(threads: threads)

        // Each pass keeps what the next one needs, so every stage is timed on its own; the
        // issues are held in memory here, which `send` never does.
        let issues = Issues(count: copies.count)
        let assembled = parallel.forEach(copies.count) { index in
            issues[index] = copies.delivery(index)
            return issues[index] != nil
        }
        let assembly = clock.lap()
        report("targeting and assembly", assembly - loading, count: assembled)

        _ = parallel.forEach(copies.count) { index in
            guard let delivery = issues[index] else { return false }
            _ = delivery.renderer.render(delivery.issue, as: .text, unsubscribe: Self.link(delivery))
            _ = delivery.renderer.render(delivery.issue, as: .html, unsubscribe: Self.link(delivery))
            return true
        }
        let rendering = clock.lap() - assembly

        // Composing renders again: MIME's own share is what this pass takes beyond rendering.
        let bytes = Atomic(0)
        let started = clock.lap()
        _ = parallel.forEach(copies.count) { index in
            guard let delivery = issues[index], let message = try? email.exactMessage(for: delivery) else { return false }
            bytes.add(message.count, ordering: .relaxed)
            return true
        }
        let composing = clock.lap() - started
        report("rendering text and HTML", rendering, count: assembled)
        report("building MIME", composing - rendering, count: assembled)
        report("assembly, rendering and MIME", assembly - loading + composing, count: assembled)
        print("average message bytes\t\(bytes.load(ordering: .relaxed) / max(assembled, 1))")

        if let smtpURL {
            let messages = Array((0..<copies.count).lazy.compactMap { issues[$0] }.prefix(smtpMessages).compactMap { try? email.addressedMessage(for: $0) })
            for connections in smtpConnections {
                var environment = ProcessInfo.processInfo.environment
                environment["BEACON_SMTP_URL"] = smtpURL
                environment["BEACON_SMTP_CONNECTIONS"] = "\(connections)"
                // Settings read the environment as they load, so the server is set by loading again.
                let withServer = try ConfigurationLoader.load(
                    settingsFile: URL(fileURLWithPath: config), environment: environment,
                    sections: [EmailChannel.settings].compactMap { $0 }, ignoringOtherSections: true).configuration
                let channel = try Self.emailChannel(withServer, environment: environment)
                let started = clock.lap()
                let outcomes = try channel.send(composed: messages)
                let sent = outcomes.filter { if case .delivered = $0 { true } else { false } }.count
                report("SMTP, \(connections) connection\(connections == 1 ? "" : "s")", clock.lap() - started, count: sent)
            }
        }

        if let keys {
            let inListOrder = (0..<copies.count).sorted { copies.listed($0) < copies.listed($1) }.compactMap { issues[$0] }
            try (inListOrder.map(Self.selection).joined(separator: "\n") + "\n").write(toFile: keys, atomically: true, encoding: .utf8)
        }
    }

    private static func emailChannel(_ configuration: Configuration, environment: [String: String]) throws -> EmailChannel {
        guard let settings = EmailSettings.read(from: configuration, environment: environment).settings else {
            throw ValidationError("the email settings are not usable; run `beacon check`")
        }
        return EmailChannel(settings: settings, timeZone: configuration.settings.timeZone)
    }

    private static func selection(_ delivery: Delivery) -> String {
        let items = delivery.issue.sections.flatMap { section in section.items.map { "\(section.kind.rawValue):\($0.key)" } }
        return "\(delivery.digest.id)\t\(delivery.recipient.key)\t\(items.joined(separator: " "))"
    }

    private static func link(_ delivery: Delivery) -> String {
        "mailto:unsubscribe@example.org?subject=unsubscribe%20\(delivery.recipient.key)"
    }

    private func report(_ stage: String, _ time: Stopwatch.Lap, count: Int) {
        print("\(stage)\t\(String(format: "%.3f", time.wall))\t\(String(format: "%.3f", time.processor))\t\(count)")
    }
}
