import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("/archive/DIGEST/: permanent pages of what feeds and bulletins published")
struct ArchiveTests {
    @Test("Feed editions are listed per edition and language, each page shows what was published, and feed items link to it")
    func feeds() async throws {
        let fixture = try WebFixture()
        try fixture.send("directors-fortnightly", on: "2026-12-01")
        let page = "\(WebFixture.base)/archive/directors-fortnightly/directors.health.cy/2026-12-01"
        let feeds = fixture.example.data.appendingPathComponent("feeds/directors-fortnightly")
        let rss = try String(contentsOf: feeds.appendingPathComponent("directors.health.cy.xml"), encoding: .utf8)
        #expect(rss.contains("<link>\(page)</link>"))
        let json = try String(contentsOf: feeds.appendingPathComponent("directors.health.cy.json"), encoding: .utf8)
        #expect(json.contains("\"url\" : \"\(page)\""))
        try await fixture.test { client in
            let list = try await client.execute(uri: "/archive/directors-fortnightly/", method: .get)
            #expect(list.status == .ok)
            let listing = PageReading.text(list)
            #expect(listing.contains("href=\"/archive/directors-fortnightly/directors.health.cy/2026-12-01\""))
            #expect(listing.contains("href=\"/archive/directors-fortnightly/directors.health.en/2026-12-01\""))
            #expect(listing.contains("Directors of finance and chief executives — Health"))
            #expect(listing.contains("1 Rhagfyr 2026"))
            let edition = try await client.execute(uri: String(page.dropFirst(WebFixture.base.count)), method: .get)
            #expect(edition.status == .ok)
            let shown = try #require(PageReading.inside("article", of: PageReading.text(edition)))
            let item = try #require(rss.range(of: "<content:encoded><![CDATA[").map { rss[$0.upperBound...] })
            #expect(item.hasPrefix(shown))
            #expect(try await client.execute(uri: "/archive/directors-fortnightly/directors.health.cy/2026-11-15", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/archive/no-such-digest/", method: .get).status == .notFound)
        }
    }

    @Test("Network bulletins are listed and shown from the bulletin channel's files")
    func bulletins() async throws {
        let fixture = try WebFixture()
        try fixture.send("network-meeting-bulletin", on: "2026-12-01")
        try await fixture.test { client in
            let listing = PageReading.text(try await client.execute(uri: "/archive/network-meeting-bulletin/", method: .get))
            #expect(listing.contains("href=\"/archive/network-meeting-bulletin/directors-of-finance-network.both/2026-12-01\""))
            #expect(listing.contains("href=\"/archive/network-meeting-bulletin/service-transformation-network.both/2026-12-01\""))
            let page = try await client.execute(uri: "/archive/network-meeting-bulletin/directors-of-finance-network.both/2026-12-01", method: .get)
            #expect(page.status == .ok)
            let bulletin = try String(
                contentsOf: fixture.example.data.appendingPathComponent("bulletins/directors-of-finance-network/2026-12-01.html"), encoding: .utf8)
            let shown = try #require(PageReading.inside("article", of: PageReading.text(page)))
            #expect(PageReading.inside("main", of: bulletin) == shown)
        }
    }
}
