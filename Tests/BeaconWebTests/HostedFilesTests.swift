import BeaconChannelAPI
import Foundation
import HummingbirdTesting
import Testing

@Suite("beacon serve: published feeds and bulletins")
struct HostedFilesTests {
    static let contentTypes = [
        "xml": "application/rss+xml; charset=utf-8",
        "json": "application/feed+json",
        "opml": "text/x-opml; charset=utf-8",
        "html": "text/html; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
    ]
    static let feed = "feeds/directors-fortnightly/directors.health.en.xml"

    @Test("Every file the channels published is served byte for byte with its content type")
    func everyFile() async throws {
        let example = try PublishedExample()
        let files = example.publishedFiles
        #expect(Set(files.map { ($0 as NSString).pathExtension }) == Set(Self.contentTypes.keys))
        try await example.withRouter { client in
            for file in files {
                let response = try await client.execute(uri: "/" + file, method: .get)
                #expect(response.status == .ok, "\(file)")
                #expect(response.headers[.contentType] == Self.contentTypes[(file as NSString).pathExtension], "\(file)")
                #expect(response.bytes == (try example.contents(file)), "\(file)")
            }
        }
    }

    @Test("A network's folder is its index of bulletins, and its name without the slash leads there")
    func bulletinIndex() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let index = try await client.execute(uri: "/bulletins/directors-of-finance-network/", method: .get)
            #expect(index.status == .ok)
            #expect(index.bytes == (try example.contents("bulletins/directors-of-finance-network/index.html")))
            let bare = try await client.execute(uri: "/bulletins/directors-of-finance-network", method: .get)
            #expect(bare.status == .movedPermanently)
            #expect(bare.headers[.location] == "/bulletins/directors-of-finance-network/")
            let unknown = try await client.execute(uri: "/bulletins/no-such-network", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("Strong validators: If-None-Match and If-Modified-Since are answered 304 until the file changes")
    func conditionalRequests() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let first = try await client.execute(uri: "/" + Self.feed, method: .get)
            let tag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a strong tag, not W/…")
            #expect(first.headers[.cacheControl] == "public, no-cache")
            #expect(first.headers[.vary] == "Accept-Encoding")

            let again = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)
            let listed = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifNoneMatch: "\"other\", W/\(tag)"])
            #expect(listed.status == .notModified)
            let since = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifModifiedSince: modified])
            #expect(since.status == .notModified)
            let other = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: modified])
            #expect(other.status == .ok, "If-None-Match decides when both are sent")
            let earlier = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifModifiedSince: "Thu, 01 Jan 2015 00:00:00 GMT"])
            #expect(earlier.status == .ok)

            // The same bytes written again keep their tag; different bytes get a new one.
            let url = example.data.appendingPathComponent(Self.feed)
            let bytes = try Data(contentsOf: url)
            try AtomicFile.write(bytes, to: url, access: .published)
            let rewritten = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifNoneMatch: tag])
            #expect(rewritten.status == .notModified)
            try AtomicFile.write(bytes + Data("\n".utf8), to: url, access: .published)
            let changed = try await client.execute(uri: "/" + Self.feed, method: .get, headers: [.ifNoneMatch: tag])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] != tag)
            #expect(changed.bytes == bytes + Data("\n".utf8))
        }
    }

    @Test("HEAD over a real connection: the GET's headers and length, no body")
    func head() async throws {
        let example = try PublishedExample()
        let size = try example.contents(Self.feed).count
        try await example.withServer { port in
            let get = try await PeerAnswer.fetch(port: port, "GET", "/" + Self.feed)
            let head = try await PeerAnswer.fetch(port: port, "HEAD", "/" + Self.feed)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(size))
            #expect(head.headers["etag"] == get.headers["etag"])
            #expect(head.headers["content-type"] == get.headers["content-type"])
            let notModified = try await PeerAnswer.fetch(port: port, "HEAD", "/" + Self.feed, headers: ["If-None-Match": try #require(get.headers["etag"])])
            #expect(notModified.status == 304)
        }
    }

    @Test("gzip when the client takes it, decoded by Python's gzip to the very file, with its own tag")
    func gzip() async throws {
        let example = try PublishedExample()
        try await example.withServer { port in
            for file in [Self.feed, "bulletins/directors-of-finance-network/2026-12-01.html", "feeds/feeds.opml"] {
                let plain = try await PeerAnswer.fetch(port: port, "GET", "/" + file)
                let zipped = try await PeerAnswer.fetch(port: port, "GET", "/" + file, headers: ["Accept-Encoding": "br;q=1.0, gzip;q=0.8"])
                #expect(plain.headers["content-encoding"] == nil)
                #expect(zipped.headers["content-encoding"] == "gzip", "\(file)")
                #expect(zipped.headers["vary"] == "Accept-Encoding")
                #expect(zipped.body.count < plain.body.count)
                #expect(zipped.decoded == (try example.contents(file)), "\(file)")
                #expect(zipped.headers["etag"] != plain.headers["etag"])
                // Either tag names the file: a client that switches encoding still gets a 304.
                let revalidated = try await PeerAnswer.fetch(
                    port: port, "GET", "/" + file, headers: ["Accept-Encoding": "gzip", "If-None-Match": try #require(plain.headers["etag"])])
                #expect(revalidated.status == 304)
            }
            let refused = try await PeerAnswer.fetch(port: port, "GET", "/" + Self.feed, headers: ["Accept-Encoding": "gzip;q=0, identity"])
            #expect(refused.headers["content-encoding"] == nil)
            #expect(refused.body == (try example.contents(Self.feed)))
        }
    }
}
