@testable import BeaconBulletin
import BeaconChannelAPI
import BeaconChannelTesting
@testable import BeaconCore
import BeaconEmail
import BeaconJSONFeed
import BeaconRSS
import Foundation
import Testing

/// Everything one loaded register publishes on the issue date, written to files for the
/// readers in `check_outputs.py`: each reader's email, each page in every format through both
/// layouts (built-in and an operator's Mustache templates), feeds, bulletins and webhook posts.
struct CaseOutputs {
    /// One file and the kind of reader that reads it; emails carry what their headers must say.
    struct File: Encodable {
        struct Expected: Encodable {
            let headers: [String]
            let subject: String
            let to: String
            let from: String
        }

        let kind: String
        let path: String
        var expected: Expected?
    }

    static let issueDate = CivilDate(year: 2026, month: 12, day: 1)!
    static let headers = [
        "Date", "From", "Reply-To", "To", "Subject", "Message-ID", "Content-Language", "List-Id", "List-Unsubscribe",
        "List-Unsubscribe-Post", "Archived-At", "Auto-Submitted", "MIME-Version", "Content-Type",
    ]
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BeaconCore/Templates")

    var files: [File] = []
    /// Pages the built-in layout and the templates laid out differently, which should not happen.
    var differences: [String] = []

    init(_ configuration: Configuration, environment: [String: String], in folder: URL) throws {
        let builtIn = try DigestRenderer(configuration: configuration)
        // The operator's copies of the built-in templates: the same pages, through Mustache.
        let overrides = configuration.settings.templatesFolder
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path) {
            try FileManager.default.copyItem(at: Self.templates.appendingPathComponent(name), to: overrides.appendingPathComponent(name))
        }
        let templated = try DigestRenderer(configuration: configuration)
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)

        let email = EmailChannel(settings: try #require(EmailSettings.read(from: configuration, environment: environment).settings), timeZone: configuration.settings.timeZone)
        let fromName = configuration.settings.fundTeam.name
        for digest in configuration.digests where digest.channels.contains(EmailChannel.name) {
            for delivery in configuration.deliveries(of: digest, over: EmailChannel.name, reach: .eachSubscriber, on: Self.issueDate, renderer: builtIn) {
                let addressee = try #require(delivery.addressee)
                let name = "\(digest.id)-\(SafeName.of(SubscriberID(delivery.recipient.key.rawValue)))"
                let file = pages.appendingPathComponent("\(name).eml")
                try email.exactMessage(for: delivery).write(to: file)
                let languages = addressee.language.languages
                files.append(File(kind: "email", path: file.path, expected: File.Expected(
                    headers: Self.headers, subject: delivery.issue.title(in: languages), to: addressee.name,
                    from: languages.map { fromName.resolved(in: $0).text }.uniqued().joined(separator: " / "))))
                try compare(delivery.issue, builtIn, templated, name: name, into: pages)
            }
        }

        let rss = RSSChannel(settings: try #require(RSSSettings.read(from: configuration).settings), state: MemoryChannelState())
        let json = JSONFeedChannel(settings: try #require(JSONFeedSettings.read(from: configuration).settings), state: MemoryChannelState())
        for (channel, name) in [(rss as any Channel, RSSChannel.name), (json, JSONFeedChannel.name)] {
            for digest in configuration.digests where digest.channels.contains(name) {
                try channel.deliverRecording(configuration.deliveries(of: digest, over: name, reach: .eachEdition, on: Self.issueDate, renderer: builtIn))
            }
        }
        let bulletins = BulletinChannel(settings: try #require(BulletinSettings.read(from: configuration, environment: environment).settings))
        for digest in configuration.digests where digest.channels.contains(BulletinChannel.name) {
            let deliveries = Array(configuration.deliveries(of: digest, over: BulletinChannel.name, reach: .eachNetwork, on: Self.issueDate, renderer: builtIn))
            try bulletins.deliverRecording(deliveries)
            for delivery in deliveries {
                guard case .edition(let edition) = delivery.recipient else { continue }
                let payload = WebhookPayload(delivery.issue, network: edition.audience, markdown: builtIn.render(delivery.issue, as: .markdown), link: nil)
                let file = pages.appendingPathComponent("\(digest.id)-\(SafeName.of(edition)).webhook.json")
                try payload.json.write(to: file)
                files.append(File(kind: "webhook", path: file.path))
            }
        }

        let data = configuration.settings.dataFolder
        let kinds = ["xml": "rss", "opml": "opml", "json": "json-feed", "html": "html", "md": "markdown", "txt": "text"]
        for folder in [data.appendingPathComponent("feeds"), data.appendingPathComponent("bulletins")] {
            for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
                if let kind = kinds[file.pathExtension] { files.append(File(kind: kind, path: file.path)) }
            }
        }
    }

    /// A reader's page in every format through the templates, checked against the built-in
    /// layout where it has one, and kept for the readers.
    private mutating func compare(_ issue: AssembledDigest, _ builtIn: DigestRenderer, _ templated: DigestRenderer, name: String, into folder: URL) throws {
        let link = "https://beacon.gov.wales.example/unsubscribe/token"
        for (format, kind, suffix) in [(DigestFormat.text, "text", "txt"), (.html, "html", "html"), (.markdown, "markdown", "md"), (.print, "html", "print.html")] {
            let page = templated.render(issue, as: format, unsubscribe: link)
            if format == .text || format == .html, builtIn.render(issue, as: format, unsubscribe: link) != page {
                differences.append("\(name) as \(format)")
            }
            let file = folder.appendingPathComponent("\(name).\(suffix)")
            try Data(page.utf8).write(to: file)
            files.append(File(kind: kind, path: file.path))
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
