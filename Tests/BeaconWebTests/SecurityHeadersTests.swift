@testable import BeaconWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("beacon serve: the headers every answer carries")
struct SecurityHeadersTests {
    static let policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    static let feed = "/feeds/directors-fortnightly/directors.health.en.xml"
    static let bulletin = "/bulletins/directors-of-finance-network/2026-12-01.html"

    /// One answer of each kind the service gives, with whether it is published (cacheable).
    static func answers(from client: some TestClientProtocol) async throws -> [(name: String, published: Bool, response: TestResponse)] {
        let feed = try await client.execute(uri: Self.feed, method: .get)
        return [
            ("feed", true, feed),
            ("feed not modified", true, try await client.execute(uri: Self.feed, method: .get, headers: [.ifNoneMatch: feed.headers[.eTag] ?? ""])),
            ("feed HEAD", true, try await client.execute(uri: Self.feed, method: .head)),
            ("bulletin", true, try await client.execute(uri: Self.bulletin, method: .get)),
            ("bulletin folder", true, try await client.execute(uri: "/bulletins/directors-of-finance-network", method: .get)),
            ("refused file", true, try await client.execute(uri: "/feeds/../beacon.sqlite", method: .get)),
            ("unknown address", false, try await client.execute(uri: "/no-such-page", method: .get)),
            ("health", false, try await client.execute(uri: "/healthz", method: .get)),
            ("metrics", false, try await client.execute(uri: "/metrics", method: .get)),
            ("body too large", false, try await client.execute(uri: "/no-such-page", method: .post, body: ByteBuffer(repeating: 0x61, count: 20_000))),
        ]
    }

    @Test("Every kind of answer: no script, no framing, no sniffing, no referrer, and nothing personal kept")
    func everyAnswer() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let answers = try await Self.answers(from: client)
            #expect(Set(answers.map(\.response.status)) == [.ok, .notModified, .movedPermanently, .notFound, .contentTooLarge])
            for (name, published, response) in answers {
                let headers = response.headers
                #expect(headers[.xContentTypeOptions] == "nosniff", "\(name)")
                #expect(headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(name)")
                #expect(headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(name)")
                #expect(headers[.strictTransportSecurity] == nil, "\(name): the example has no https public_base_url")
                let policy = try #require(headers[.contentSecurityPolicy], "\(name)")
                #expect(policy.hasPrefix("default-src 'none';") && !policy.contains("script"), "\(name)")
                if name != "bulletin" { #expect(policy == Self.policy, "\(name)") }
                if published {
                    #expect(headers[.cacheControl] != "no-store", "\(name)")
                } else {
                    #expect(headers[.cacheControl] == "no-store", "\(name)")
                }
            }
        }
    }

    @Test("A bulletin may use its own styles, and nothing else beyond the service's policy")
    func bulletinPolicy() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let response = try await client.execute(uri: Self.bulletin, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentSecurityPolicy] == Self.policy.replacingOccurrences(of: "style-src 'self'", with: "style-src 'unsafe-inline'"))
        }
    }

    @Test("Strict-Transport-Security on every answer once readers come over HTTPS, never over plain HTTP", arguments: [
        ("https://digests.invest-to-save.example", true), ("http://digests.invest-to-save.example", false),
    ])
    func strictTransport(publicBaseURL: String, expected: Bool) async throws {
        let example = try PublishedExample(environment: ["BEACON_PUBLIC_BASE_URL": publicBaseURL])
        try await example.withRouter { client in
            for (name, _, response) in try await Self.answers(from: client) {
                #expect((response.headers[.strictTransportSecurity] == "max-age=31536000") == expected, "\(name)")
            }
        }
    }

    @Test("A route that fails unexpectedly is a plain 500 with the same headers, and says nothing of why")
    func unexpectedFailure() async throws {
        struct Broken: Error {}
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware(publicBaseURL: nil))
        router.get("broken") { _, _ -> String in throw Broken() }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/broken", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy] == Self.policy)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(!String(buffer: response.body).contains("Broken"))
        }
    }
}
