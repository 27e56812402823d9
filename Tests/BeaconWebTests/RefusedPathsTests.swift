import Foundation
import HummingbirdTesting
import Testing

@Suite("beacon serve: only published files leave the data folder")
struct RefusedPathsTests {
    @Test("Traversal, hidden and temporary files, other kinds of file and links out are the same 404 as a missing file", arguments: [
        "/feeds/../beacon.sqlite",
        "/feeds/../escaped.xml",
        "/feeds/%2e%2e/escaped.xml",
        "/feeds/.%2e/escaped.xml",
        "/feeds/%2e%2e/beacon.sqlite",
        "/feeds/..%2fbeacon.sqlite",
        "/feeds/%2e%2e%2fbeacon.sqlite",
        "/bulletins/../feeds/feeds.opml",
        "/bulletins/directors-of-finance-network/../../keys/unsubscribe.key",
        "/feeds/directors-fortnightly/.directors.health.en.xml.beacon-4242-0C7B5D1A.tmp",
        "/feeds/.hidden.xml",
        "/feeds/directors-fortnightly/notes.sqlite",
        "/feeds/outside.xml",
        "/feeds/linked/outside.xml",
        "/feeds/directors-fortnightly",
        "/feeds/directors-fortnightly/",
        "/feeds/",
        "/bulletins/",
        "/bulletins/directors-of-finance-network/2026-12-01.html/x.html",
        "/feeds/directors-fortnightly/no-such-feed.xml",
        "/beacon.sqlite",
    ])
    func refused(path: String) async throws {
        let example = try PublishedExample()
        let feeds = example.data.appendingPathComponent("feeds")
        // What must never be served, put where a careless server would serve it.
        let secret = Data("not for readers\n".utf8)
        try secret.write(to: feeds.appendingPathComponent("directors-fortnightly/.directors.health.en.xml.beacon-4242-0C7B5D1A.tmp"))
        try secret.write(to: feeds.appendingPathComponent(".hidden.xml"))
        try secret.write(to: example.data.appendingPathComponent("escaped.xml"))
        try secret.write(to: feeds.appendingPathComponent("directors-fortnightly/notes.sqlite"))
        let outside = example.data.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try secret.write(to: outside.appendingPathComponent("outside.xml"))
        try FileManager.default.createSymbolicLink(at: feeds.appendingPathComponent("outside.xml"), withDestinationURL: outside.appendingPathComponent("outside.xml"))
        try FileManager.default.createSymbolicLink(at: feeds.appendingPathComponent("linked"), withDestinationURL: outside)

        try await example.withRouter { client in
            // The same router serves a real feed, so a 404 below is a refusal.
            let served = try await client.execute(uri: "/feeds/directors-fortnightly/directors.health.en.xml", method: .get)
            #expect(served.status == .ok)
            let missing = try await client.execute(uri: "/feeds/directors-fortnightly/no-such-feed.xml", method: .get)
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(response.bytes == missing.bytes)
            #expect(!response.bytes.contains(secret))
        }
    }
}

extension Data {
    fileprivate func contains(_ other: Data) -> Bool { range(of: other) != nil }
}
