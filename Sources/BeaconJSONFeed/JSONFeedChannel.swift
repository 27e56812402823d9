public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// Digests as JSON Feed 1.1 files (jsonfeed.org): one per digest, audience (or sector, or
/// network) and language, beside the RSS feeds under `<data>/feeds/`. Like the RSS channel it
/// carries no personal data, keeps the last issues it published, and writes atomically.
public final class JSONFeedChannel: Channel {
    public static let name = ChannelName("json-feed")
    public var name: ChannelName { Self.name }
    public let reach = ChannelReach.eachEdition

    private let settings: JSONFeedSettings
    private let state: any ChannelState

    public init(settings: JSONFeedSettings, state: any ChannelState) {
        self.settings = settings
        self.state = state
    }

    public var destination: String { "JSON feeds in \(ConfigurationLoader.displayName(settings.folder))" }

    public func deliver(
        _ deliveries: some Sequence<Delivery>, log: any DeliveryLog
    ) throws(ChannelFailure) {
        do {
            try EarlierStateFiles.adopt(from: settings.earlierState, into: state) { $0 }
        } catch {
            throw ChannelFailure("cannot take in the JSON feed items kept in \(settings.earlierState.path): \(error)")
        }
        for delivery in deliveries {
            guard log.mayHandOver else { break }
            guard case .edition(let edition) = delivery.recipient else {
                log.record(delivery, .failed("JSON feeds are written for audiences, not for one subscriber"))
                continue
            }
            let path = "\(SafeName.of(delivery.digest.id))/\(SafeName.of(edition)).json"
            do {
                var feed = try state.load(path).map { try JSONDecoder().decode(JSONFeed.self, from: $0) }
                    ?? JSONFeed(edition: edition, digest: delivery.digest, url: "\(settings.baseURL)/\(path)", home: settings.baseURL)
                feed.items.publish(item(for: delivery, edition), keeping: settings.history)
                // The kept items first, then the feed: a crash between the two is mended next run.
                try state.save(try JSONFeed.encoder.encode(feed), as: path)
                try AtomicFile.write(try JSONFeed.encoder.encode(feed), to: settings.folder.appendingPathComponent(path), access: .published)
                log.record(delivery, .delivered("written to \(ConfigurationLoader.displayName(settings.folder.appendingPathComponent(path)))"))
            } catch {
                log.record(delivery, .deferred("cannot write the JSON feed \(path): \(error.localizedDescription); the previous one is unchanged"))
            }
        }
    }

    private func item(for delivery: Delivery, _ edition: Edition) -> JSONFeed.Item {
        let issue = delivery.issue
        let languages = edition.language.languages
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = settings.timeZone
        return JSONFeed.Item(
            id: "beacon:\(issue.definition.id):\(edition.key):\(issue.issueDate)",
            title: issue.title(in: languages),
            summary: issue.headlineSummary(in: languages[0]),
            contentHTML: delivery.renderer.renderFragment(issue),
            contentText: delivery.renderer.render(issue, as: .text),
            datePublished: formatter.string(from: issue.issueDate.start(in: settings.timeZone)),
            language: languages.count == 1 ? languages[0].rawValue : nil,
            url: settings.publicURL.map { "\($0)/\(PublishedEdition.path(digest: issue.definition.id, edition: edition, issueDate: issue.issueDate))" })
    }
}

extension JSONFeedChannel: ChannelModule {
    public static var settings: SettingsSectionSpec? { JSONFeedSettings.spec }

    public static func make(
        _ configuration: Configuration, environment: [String: String], state: any ChannelState
    ) -> (channel: (any Channel)?, problems: [Diagnostic]) {
        let (settings, problems) = JSONFeedSettings.read(from: configuration)
        return (settings.map { JSONFeedChannel(settings: $0, state: state) }, problems)
    }
}
