public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// Meeting bulletins for networks: a printable page, Markdown and plain text under
/// `<data>/bulletins/<network>/<issue date>.*` with an index of past bulletins, a copy in a
/// shared folder if one is set, and a POST to the network's webhook if it has one.
public final class BulletinChannel: Channel {
    public static let name = ChannelName("bulletin")
    public var name: ChannelName { Self.name }
    public let reach = ChannelReach.eachNetwork

    let settings: BulletinSettings
    private let webhooks: WebhookClient

    public init(settings: BulletinSettings) {
        self.settings = settings
        self.webhooks = WebhookClient(settings: settings)
    }

    public var destination: String { "bulletins in \(ConfigurationLoader.displayName(settings.folder))" }

    public func deliver(
        _ deliveries: some Sequence<Delivery>, log: any DeliveryLog
    ) throws(ChannelFailure) {
        for delivery in deliveries {
            guard log.mayHandOver else { break }
            guard case .edition(let edition) = delivery.recipient, edition.audience.kind == .network else {
                log.record(delivery, .failed("bulletins are written for networks"))
                continue
            }
            log.record(delivery, publish(delivery, for: edition.audience))
        }
    }

    private func publish(_ delivery: Delivery, for network: Audience) -> DeliveryOutcome {
        let issue = delivery.issue
        let files: [(String, String)] = [
            ("html", delivery.renderer.render(issue, as: .print)),
            ("md", delivery.renderer.render(issue, as: .markdown)),
            ("txt", delivery.renderer.render(issue, as: .text)),
        ]
        let folder = settings.folder.appendingPathComponent(SafeName.of(network.id))
        do {
            for (suffix, text) in files {
                try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent("\(issue.issueDate).\(suffix)"), access: .published)
            }
            try AtomicFile.write(Data(BulletinIndex.page(for: network, in: folder).utf8), to: folder.appendingPathComponent("index.html"), access: .published)
            if let shared = settings.sharedFolder?.appendingPathComponent(SafeName.of(network.id)) {
                for (suffix, text) in files {
                    try AtomicFile.write(Data(text.utf8), to: shared.appendingPathComponent("\(issue.issueDate).\(suffix)"), access: .published)
                }
            }
        } catch {
            return .deferred("cannot write the bulletin for \(network.id): \(error.localizedDescription)")
        }
        let written = "written to \(ConfigurationLoader.displayName(folder.appendingPathComponent("\(issue.issueDate).html")))"
        guard let url = settings.webhooks[network.id] else { return .delivered(written) }
        let payload = WebhookPayload(issue, network: network, markdown: files[1].1, link: nil)
        switch webhooks.post(payload.json, to: url, network: network.id) {
        case .delivered(let detail): return .delivered("\(written); \(detail)")
        case .deferred(let detail): return .deferred("\(written), but \(detail)")
        case .failed(let detail): return .failed("\(written), but \(detail)")
        }
    }
}

extension BulletinChannel: ChannelModule {
    public static var settings: SettingsSectionSpec? { BulletinSettings.spec }

    public static func make(
        _ configuration: Configuration, environment: [String: String], state: any ChannelState
    ) -> (channel: (any Channel)?, problems: [Diagnostic]) {
        let (settings, problems) = BulletinSettings.read(from: configuration, environment: environment)
        return (settings.map { BulletinChannel(settings: $0) }, problems)
    }
}
