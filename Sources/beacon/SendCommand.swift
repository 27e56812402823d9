import ArgumentParser
import BeaconCore
import Foundation

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Assemble each reader's issue and deliver it through every channel its digest names.",
        discussion: """
            With no DIGEST, sends every digest. Email goes to the SMTP server in BEACON_SMTP_URL, \
            or to the outbox under the data folder when none is set. Ends with a summary per \
            channel and writes a report of every delivery to <data>/reports/. Exit status: 0 all \
            delivered; 1 invalid configuration or a channel that cannot work (such as an \
            unreachable server); 3 some deliveries failed or were deferred.
            """)

    @Argument(help: "Digest ids to send (default: all).")
    var digests: [String] = []

    @Flag(help: "Send nothing; say what would go where.")
    var dryRun = false

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var options: ConfigOptions

    func run() throws {
        let loaded = try Loaded(options)
        let configuration = loaded.configuration
        Report.warnings(loaded.warnings)
        let issueDate = try asOf.date(in: configuration.settings)
        let definitions = try selectedDigests(configuration)
        let planner = DeliveryPlanner(configuration: configuration, renderer: loaded.renderer)
        let tally = DeliveryTally()
        var channelFailures: [String] = []

        for definition in definitions {
            for name in definition.channels {
                guard let channel = loaded.channels[name] else {
                    tally.unavailable(name, readers: planner.recipients(of: definition, over: name).count)
                    continue
                }
                let total = switch channel.reach {
                case .eachSubscriber: planner.recipients(of: definition, over: name).count
                case .eachEdition: configuration.editions(of: definition).count
                case .eachNetwork: configuration.networkEditions(of: definition).count
                }
                let deliveries = planner.deliveries(of: definition, over: name, reach: channel.reach, on: issueDate)
                if dryRun {
                    let count = deliveries.reduce(0) { count, _ in count + 1 }
                    let what = channel.reach == .eachSubscriber ? "readers' issues" : "editions"
                    print("\(definition.id) over \(name): would send \(count) of \(total) \(what) (the rest have nothing new) to \(channel.destination)")
                    continue
                }
                let progress = Progress(label: "\(definition.id) over \(name)", total: total)
                do {
                    try channel.deliver(deliveries) { delivery, outcome in
                        tally.record(delivery, over: name, outcome)
                        progress.step()
                    }
                } catch {
                    channelFailures.append("\(name): \(error.description)")
                }
                progress.finish()
            }
        }
        guard !dryRun else { return }
        print(tally.summary(channelFailures: channelFailures), terminator: "")
        let report = try tally.writeReport(to: configuration.settings.dataFolder.appendingPathComponent("reports"), issueDate: issueDate)
        print("Every delivery is listed in \(ConfigurationLoader.displayName(report)).")
        if !channelFailures.isEmpty { throw ExitCode(1) }
        if tally.hasProblems { throw ExitCode(3) }
    }

    private func selectedDigests(_ configuration: Configuration) throws -> [DigestDefinition] {
        guard !digests.isEmpty else { return configuration.digests }
        return try digests.map { id in
            guard let digest = configuration.digest(DigestID(id)) else {
                throw ValidationError("no digest is called \"\(id)\"; the digests are: \(configuration.digests.map(\.id.rawValue).joined(separator: ", "))")
            }
            return digest
        }
    }
}
