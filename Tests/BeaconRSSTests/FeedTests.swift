import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconRSS
import BeaconTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A feed as feedparser and Python's XML parser read it (see Peers/read_feed.py).
struct ReadFeed: Decodable {
    /// What a reader displays: HTML rendered and reduced to text, with the elements it held.
    struct Shown: Decodable, Equatable {
        let text: String
        let elements: [String]
    }

    struct Entry: Decodable {
        let title: String?
        let shown_title: Shown?
        let shown_summary: Shown?
        let id: String?
        let published: String?
        let content: String?
    }

    struct Item: Decodable {
        let title: String?
        let guid: String?
        let guid_is_permalink: String?
        let description: String?
        let content: String?
    }

    let bozo: Bool
    let bozo_exception: String
    let title: String?
    let shown_title: Shown?
    let shown_description: Shown?
    let language: String?
    let self_link: String?
    let entries: [Entry]
    let items: [Item]

    static func read(_ file: URL) throws -> ReadFeed {
        let data = try PythonScript.output(of: packageRoot.appendingPathComponent("Tests/BeaconRSSTests/Peers/read_feed.py"), [file.path])
        return try JSONDecoder().decode(ReadFeed.self, from: data)
    }
}

/// The example register with the RSS channel, its data in a temporary folder.
struct Example {
    let register: ExampleRegister
    let channel: RSSChannel

    init(environment: [String: String] = [:], edit: ((URL) throws -> Void)? = nil, state: any ChannelState = MemoryChannelState()) throws {
        register = try ExampleRegister(sections: [RSSSettings.spec], environment: environment, edit: edit)
        let (settings, problems) = RSSSettings.read(from: register.configuration)
        channel = RSSChannel(settings: try #require(settings, "\(problems)"), state: state, clock: { Date(timeIntervalSince1970: 1_796_115_600) })
    }

    var configuration: Configuration { register.configuration }

    var feeds: URL { register.data.appendingPathComponent("feeds") }

    @discardableResult
    func publish(_ digest: String = "directors-fortnightly", on date: CivilDate) throws -> [DeliveryOutcome] {
        let definition = try #require(register.digest(digest))
        return try channel.deliverRecording(register.deliveries(of: definition, over: channel, on: date)).outcomes
    }
}

let december = CivilDate(year: 2026, month: 12, day: 1)!

@Suite("RSS feeds, read by feedparser and an XML parser")
struct FeedTests {
    @Test("Each audience, sector and language gets a feed that real parsers accept, in its language")
    func feeds() throws {
        let example = try Example()
        let outcomes = try example.publish(on: december)
        #expect(outcomes.count == 6)
        let health = example.feeds.appendingPathComponent("directors-fortnightly")
        #expect(try FileManager.default.contentsOfDirectory(atPath: health.path).sorted() == [
            "directors.further-education.both.xml", "directors.further-education.cy.xml", "directors.further-education.en.xml",
            "directors.health.both.xml", "directors.health.cy.xml", "directors.health.en.xml",
        ])
        let welsh = try ReadFeed.read(health.appendingPathComponent("directors.health.cy.xml"))
        #expect(!welsh.bozo, "\(welsh.bozo_exception)")
        #expect(welsh.language == "cy")
        #expect(welsh.self_link == "https://www.gov.wales.example/invest-to-save/feeds/directors-fortnightly/directors.health.cy.xml")
        #expect(welsh.entries.map(\.title) == ["Buddsoddi i Arbed: crynodeb pythefnosol i gyfarwyddwyr – 1 Rhagfyr 2026"])
        #expect(welsh.entries.first?.published == "2026-12-01")
        #expect(welsh.items.first?.guid == "beacon:directors-fortnightly:directors.health.cy:2026-12-01")
        #expect(welsh.items.first?.guid_is_permalink == "false")
        #expect(welsh.entries.first?.content?.contains("Newydd ers y rhifyn diwethaf") == true)
        #expect(welsh.entries.first?.content?.contains("New since the last issue") == false)
        let english = try ReadFeed.read(health.appendingPathComponent("directors.health.en.xml"))
        #expect(english.language == "en")
        #expect(english.entries.first?.content?.contains("New since the last issue") == true)
        let both = try ReadFeed.read(health.appendingPathComponent("directors.health.both.xml"))
        #expect(both.entries.first?.title == "Buddsoddi i Arbed: crynodeb pythefnosol i gyfarwyddwyr – 1 Rhagfyr 2026 / Invest to Save: fortnightly digest for directors – 1 December 2026")
    }

    @Test("A feed carries no personal data")
    func noPersonalData() throws {
        let example = try Example()
        try example.publish(on: december)
        let text = try String(contentsOf: example.feeds.appendingPathComponent("directors-fortnightly/directors.health.both.xml"), encoding: .utf8)
        for subscriber in example.configuration.subscribers {
            #expect(!text.contains(subscriber.email))
            #expect(!text.contains(subscriber.name))
        }
        #expect(!text.contains("unsubscribe"))
    }

    @Test("Markup, quotes, ]]> and entities in register text show as typed in every title and description a reader displays")
    func hostileText() throws {
        let project = "Records <img src=x onerror=alert(1)> & &amp; ]]> &copy; \"more\" 'quoted' <b>bold</b>"
        let digest = "Digest <i>one</i> & &lt;two&gt;"
        let audience = "Directors <script>x</script> ]]> 'all'"
        let example = try Example { config in
            try Self.replace(in: config.appendingPathComponent("register/projects.csv"),
                             "Digital patient records in outpatient clinics,", with: Self.csvField(project) + ",")
            try Self.replace(in: config.appendingPathComponent("digests.yml"),
                             "en: \"Invest to Save: fortnightly digest for directors\"", with: "en: \(Self.yamlString(digest))")
            try Self.replace(in: config.appendingPathComponent("audiences.yml"),
                             "en: Directors of finance and chief executives", with: "en: \(Self.yamlString(audience))")
        }
        try example.publish(on: december)
        let feed = try ReadFeed.read(example.feeds.appendingPathComponent("directors-fortnightly/directors.health.en.xml"))
        #expect(!feed.bozo, "\(feed.bozo_exception)")
        let channelTitle = "\(digest) — \(audience) — Health"
        #expect(feed.shown_title == ReadFeed.Shown(text: channelTitle, elements: []))
        #expect(feed.shown_description == ReadFeed.Shown(text: channelTitle, elements: []))
        let entry = try #require(feed.entries.first)
        #expect(entry.shown_title == ReadFeed.Shown(text: "\(digest) – 1 December 2026", elements: []))
        let summary = try #require(entry.shown_summary)
        #expect(summary.elements.isEmpty)
        #expect(summary.text.contains(project), "\(summary.text)")
        #expect(entry.content?.contains("<img") == false)
        #expect(entry.content?.contains("Records &lt;img src=x onerror=alert(1)&gt; &amp; &amp;amp; ]]&gt; &amp;copy;") == true)

        let opml = try XMLDocument(data: Data(contentsOf: example.feeds.appendingPathComponent("feeds.opml")))
        let outline = try #require(try opml.nodes(forXPath: "//outline[contains(@xmlUrl, 'directors.health.en.xml')]").first as? XMLElement)
        // OPML readers may take an outline's text as HTML: it holds the title as HTML text.
        let html = "\(digest) — \(audience) — Health".replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(outline.attribute(forName: "text")?.stringValue?.hasSuffix(" / " + html) == true)
    }

    static func replace(in file: URL, _ old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(file.path) has no \(old)"]) }
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func yamlString(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    @Test("Publishing issues in turn keeps earlier items byte for byte; publishing one again replaces it")
    func history() throws {
        let example = try Example()
        let dates = [CivilDate(year: 2026, month: 11, day: 3)!, CivilDate(year: 2026, month: 11, day: 17)!, december]
        let file = example.feeds.appendingPathComponent("directors-fortnightly/directors.health.en.xml")
        var snapshots: [ReadFeed] = []
        for date in dates {
            try example.publish(on: date)
            snapshots.append(try ReadFeed.read(file))
        }
        try example.publish(on: dates[1])
        let final = try ReadFeed.read(file)
        #expect(final.items.map(\.guid) == dates.reversed().map { "beacon:directors-fortnightly:directors.health.en:\($0)" })
        #expect(final.items[2].content == snapshots[0].items[0].content)
        #expect(final.items[0].content == snapshots[2].items[0].content)
        #expect(Set(final.items.compactMap(\.guid)).count == 3)
    }

    @Test("A feed keeps the number of issues it is set to")
    func limit() throws {
        let example = try Example(environment: ["BEACON_RSS_HISTORY": "2"])
        for day in [3, 17] { try example.publish(on: CivilDate(year: 2026, month: 11, day: day)!) }
        try example.publish(on: december)
        let feed = try ReadFeed.read(example.feeds.appendingPathComponent("directors-fortnightly/directors.health.en.xml"))
        #expect(feed.items.map(\.guid) == ["beacon:directors-fortnightly:directors.health.en:2026-12-01", "beacon:directors-fortnightly:directors.health.en:2026-11-17"])
    }

    @Test("Two feeds that would share a file are refused before anything is written")
    func collidingFiles() throws {
        let folder = try TemporaryFolder.make("rss")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Config"), to: folder.appendingPathComponent("Config"))
        let audiences = folder.appendingPathComponent("Config/audiences.yml")
        try (String(contentsOf: audiences, encoding: .utf8) + """

              - id: Directors
                kind: director
                name: {en: Directors again, cy: Cyfarwyddwyr eto}

            """).write(to: audiences, atomically: true, encoding: .utf8)
        let digests = folder.appendingPathComponent("Config/digests.yml")
        try String(contentsOf: digests, encoding: .utf8).replacingOccurrences(of: "audiences: [directors]", with: "audiences: [directors, Directors]")
            .write(to: digests, atomically: true, encoding: .utf8)
        let subscribers = folder.appendingPathComponent("Config/subscribers.csv")
        try (String(contentsOf: subscribers, encoding: .utf8) + "dup-reader,Dup Reader,dup@bcuhb.example,Directors,Betsi Cadwaladr University Health Board,health,north-wales,large,,en,rss,,2025-10-01,\n")
            .write(to: subscribers, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigurationLoader.load(
                settingsFile: folder.appendingPathComponent("Config/beacon.yml"), environment: [:], sections: [RSSSettings.spec],
                ignoringOtherSections: true)
            Issue.record("audiences whose feeds would share a file were accepted")
        } catch {
            #expect(error.diagnostics.contains {
                $0.description.contains("Config/audiences.yml:") && $0.description.contains(":id: \"Directors\" and \"directors\" (")
                    && $0.description.hasSuffix("Config/audiences.yml line 10) would share a file name; ids must differ in more than case or punctuation")
            })
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path))
    }

    @Test("An OPML file lists every feed with its address and title")
    func opml() throws {
        let example = try Example()
        try example.publish(on: december)
        let text = try String(contentsOf: example.feeds.appendingPathComponent("feeds.opml"), encoding: .utf8)
        #expect(text.components(separatedBy: "<outline ").count == 7)
        #expect(text.contains("xmlUrl=\"https://www.gov.wales.example/invest-to-save/feeds/directors-fortnightly/directors.health.cy.xml\""))
        #expect(text.contains("language=\"cy\""))
        #expect(text.contains("text=\"Buddsoddi i Arbed: crynodeb pythefnosol i gyfarwyddwyr — Cyfarwyddwyr cyllid a phrif weithredwyr — Iechyd / Invest to Save: fortnightly digest for directors — Directors of finance and chief executives — Health\""))
        let parsed = try XMLDocument(data: Data(text.utf8))
        #expect(try parsed.nodes(forXPath: "//outline").count == 6)
    }
}

@Suite("Upgrading from feed items kept in files")
struct EarlierFeedStateTests {
    @Test("Items an earlier version kept under state/feeds are taken in once, so the next feed still lists them")
    func adopted() throws {
        let earlier = MemoryChannelState()
        try Example(state: earlier).publish(on: CivilDate(year: 2026, month: 11, day: 17)!)
        let key = "directors-fortnightly/directors.health.cy.xml"
        let kept = try #require(try earlier.load(key))

        let upgraded = try Example()
        let file = upgraded.register.data.appendingPathComponent("state/feeds/\(key).json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try kept.write(to: file)
        try upgraded.publish(on: december)
        let feed = try ReadFeed.read(upgraded.feeds.appendingPathComponent(key))
        #expect(feed.items.compactMap(\.guid) == [
            "beacon:directors-fortnightly:directors.health.cy:2026-12-01", "beacon:directors-fortnightly:directors.health.cy:2026-11-17",
        ])
    }
}
