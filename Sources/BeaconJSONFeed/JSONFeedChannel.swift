import BeaconCore
import Foundation

/// The json-feed channel. FILL IN: what it delivers, to whom and where.
public final class JSONFeedChannel: Channel {
    public static let name = ChannelName("json-feed")
    public var name: ChannelName { Self.name }
    /// FILL IN: `.eachSubscriber` to write to each person (their address is in
    /// `delivery.subscriber`), `.eachEdition` for one shared edition per audience (or
    /// sector) and language, `.eachNetwork` for one bilingual edition per network.
    public let reach = ChannelReach.eachEdition

    private let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public var destination: String { ConfigurationLoader.displayName(folder) }

    /// Called once per `beacon send` run and digest, from one thread. Record one outcome per
    /// delivery: `.delivered` with where it went, `.deferred` for a failure that may pass (a
    /// busy server: it is worth trying again), `.failed` for one that will not (a refused
    /// address). Throw `ChannelFailure` only when nothing can be delivered at all.
    public func deliver(
        _ deliveries: some Sequence<Delivery>, record: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void
    ) throws(ChannelFailure) {
        for delivery in deliveries {
            // FILL IN: render and deliver. Formats: .text, .html, .markdown, .print.
            let body = delivery.renderer.render(delivery.issue, as: .markdown)
            let file = folder.appendingPathComponent(delivery.digest.id.rawValue)
                .appendingPathComponent(delivery.recipient.label)
                .appendingPathComponent("\(delivery.issue.issueDate).md")
            do {
                try AtomicFile.write(Data(body.utf8), to: file)
                record(delivery, .delivered("written to \(ConfigurationLoader.displayName(file))"))
            } catch {
                record(delivery, .deferred("cannot write \(file.path): \(error.localizedDescription)"))
            }
        }
    }
}

extension JSONFeedChannel: ChannelModule {
    /// The `json-feed:` section of beacon.yml. FILL IN: its keys. Each can be overridden by
    /// `BEACON_` + section and key in capitals; secrets are read from `environment` only
    /// and listed in `secretVariables` so `beacon check` does not call them unknown.
    public static var settings: SettingsSectionSpec? { SettingsSectionSpec(name: "json-feed", keys: ["folder"]) }

    public static func make(_ configuration: Configuration, environment: [String: String]) -> (channel: (any Channel)?, problems: [Diagnostic]) {
        let reader = SettingsSectionReader(configuration.settings.section("json-feed"))
        let folder = reader.path("folder") ?? configuration.settings.dataFolder.appendingPathComponent("json-feed")
        let problems = reader.problems
        return (problems.contains { $0.severity == .error } ? nil : JSONFeedChannel(folder: folder), problems)
    }
}
