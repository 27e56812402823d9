public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// Digests as RSS 2.0 feeds: one per digest, audience (or sector, or network) and language,
/// with no personal data, under `<data>/feeds/`, ready for a static web server, plus an OPML
/// list of them all.
public final class RSSChannel: Channel {
    public static let name = ChannelName("rss")
    public var name: ChannelName { Self.name }
    public let reach = ChannelReach.eachEdition

    private let settings: RSSSettings
    private let store: FeedStore
    private let keptEditions: KeptEditions
    private let clock: @Sendable () -> Date

    public init(settings: RSSSettings, state: any ChannelState, clock: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.store = FeedStore(settings: settings, state: state)
        self.keptEditions = KeptEditions(state: state)
        self.clock = clock
    }

    public var destination: String { "feeds in \(ConfigurationLoader.displayName(settings.folder))" }

    public func deliver(
        _ deliveries: some Sequence<Delivery>, log: any DeliveryLog
    ) throws(ChannelFailure) {
        do {
            // Earlier versions kept each feed's items in `<data>/state/feeds/<feed>.xml.json`.
            try EarlierStateFiles.adopt(from: settings.earlierState, into: store.state) { String($0.dropLast(".json".count)) }
        } catch {
            throw ChannelFailure("cannot take in the feed items kept in \(settings.earlierState.path): \(error)")
        }
        var programme: String?
        for delivery in deliveries {
            guard log.mayHandOver else { break }
            guard case .edition(let edition) = delivery.recipient else {
                log.record(delivery, .failed("feeds are written for audiences, not for one subscriber"))
                continue
            }
            programme = programme ?? delivery.digest.title.english
            let file = Self.file(for: delivery.digest.id, edition)
            let kept: Feed?
            do {
                kept = try store.load(file)
            } catch {
                log.record(delivery, .deferred("cannot read the items of the feed \(file): \(error)"))
                continue
            }
            var feed = kept ?? Feed(
                file: file,
                titleEnglish: "\(delivery.digest.title.english) — \(edition.title.english)",
                titleWelsh: delivery.digest.title.welsh.map { "\($0) — \(edition.title.welsh ?? edition.title.english)" },
                language: edition.language.rawValue,
                selfURL: "\(settings.baseURL)/\(file)",
                siteURL: settings.baseURL,
                items: [])
            let published = item(for: delivery, edition)
            feed.items.publish(published.feedItem, keeping: settings.history)
            do {
                try keptEditions.keep(published.html, of: delivery.digest.id, edition, on: delivery.issue.issueDate)
                try store.save(feed, builtAt: clock())
                log.record(delivery, .delivered("written to \(ConfigurationLoader.displayName(settings.folder.appendingPathComponent(file)))"))
            } catch {
                log.record(delivery, .deferred("cannot write the feed \(file): \(error.localizedDescription); the previous one is unchanged"))
            }
        }
        do {
            let opml = OPML.document(try store.all(), baseURL: settings.baseURL, title: "Beacon feeds / Ffrydiau Beacon")
            try AtomicFile.write(Data(opml.utf8), to: settings.folder.appendingPathComponent("feeds.opml"), access: .published)
        } catch {
            throw ChannelFailure("cannot write the feed list \(settings.folder.path)/feeds.opml: \(error.localizedDescription)")
        }
    }

    /// `directors-fortnightly/directors.health.cy.xml`: readable, stable, and safe as a URL path.
    static func file(for digest: DigestID, _ edition: Edition) -> String {
        "\(SafeName.of(digest))/\(SafeName.of(edition)).xml"
    }

    /// The feed's item, linking to its archive page when the web service has a public address.
    private func item(for delivery: Delivery, _ edition: Edition) -> (feedItem: FeedItem, html: String) {
        let issue = delivery.issue
        let languages = edition.language.languages
        let html = delivery.renderer.renderFragment(issue)
        let link = settings.publicURL.map { "\($0)/\(PublishedEdition.path(digest: issue.definition.id, edition: edition, issueDate: issue.issueDate))" }
        return (FeedItem(
            guid: "beacon:\(issue.definition.id):\(edition.key):\(issue.issueDate)",
            title: issue.title(in: languages), description: issue.headlineSummary(in: languages[0]),
            html: html, published: issue.issueDate.start(in: settings.timeZone), link: link), html)
    }
}

extension RSSChannel: EditionArchive {
    public func publishedEditions(of digest: DigestDefinition, in configuration: Configuration) throws(ChannelFailure) -> [PublishedEdition] {
        do {
            return try keptEditions.editions(of: digest.id)
        } catch {
            throw ChannelFailure("cannot read the editions the feeds published: \(error)")
        }
    }

    public func content(of edition: PublishedEdition) throws(ChannelFailure) -> String? {
        do {
            return try keptEditions.content(of: edition)
        } catch {
            throw ChannelFailure("cannot read the edition \(edition.path): \(error)")
        }
    }
}

extension RSSChannel: ChannelModule {
    public static var settings: SettingsSectionSpec? { RSSSettings.spec }

    public static func make(
        _ configuration: Configuration, environment: [String: String], state: any ChannelState
    ) -> (channel: (any Channel)?, problems: [Diagnostic]) {
        let (settings, problems) = RSSSettings.read(from: configuration)
        return (settings.map { RSSChannel(settings: $0, state: state) }, problems)
    }
}
