@testable import BeaconWeb
import Foundation
import HummingbirdTesting
import Metrics
import Testing

@Suite("beacon serve: /metrics for Prometheus")
struct MetricsTests {
    /// The value of the sample `name{labels}` (labels in the order written), or nil.
    static func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    static func scrape(_ client: some TestClientProtocol) async throws -> String {
        let response = try await client.execute(uri: "/metrics", method: .get)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        return String(buffer: response.body)
    }

    @Test("Requests are counted by route pattern, method and status, in Prometheus text format")
    func requests() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let series = #"beacon_http_requests_total{route="/feeds/**",method="GET",status="304"}"#
            let before = Self.sample(try await Self.scrape(client), series) ?? 0
            let feed = "/feeds/directors-fortnightly/directors.health.en.xml"
            let tag = try await client.execute(uri: feed, method: .get).headers[.eTag] ?? ""
            for _ in 0..<3 { _ = try await client.execute(uri: feed, method: .get, headers: [.ifNoneMatch: tag]) }
            let text = try await Self.scrape(client)
            #expect(text.contains("# TYPE beacon_http_requests_total counter"))
            #expect(text.contains("# TYPE beacon_http_request_duration_seconds histogram"))
            #expect((Self.sample(text, series) ?? 0) >= before + 3)
            // The Prometheus text format: comments, or `name{labels} value` with a number.
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: " ")
                #expect(parts.count == 2 && Double(parts[1]) != nil && parts[0].wholeMatch(of: /[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?/) != nil, "\(line)")
            }
        }
    }

    @Test("Readers' events are counters from zero, counted through swift-metrics")
    func readerEvents() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let before = try await Self.scrape(client)
            for event in ReaderEvent.allCases {
                #expect(Self.sample(before, event.rawValue) != nil, "\(event.rawValue) is listed before anything happened")
            }
            Counter(label: "beacon_signups_total").increment()
            ReaderEvent.unsubscribe.count()
            ReaderEvent.unsubscribe.count()
            let after = try await Self.scrape(client)
            #expect(after.contains("# TYPE beacon_unsubscribes_total counter"))
            #expect(try #require(Self.sample(after, "beacon_signups_total")) >= (Self.sample(before, "beacon_signups_total") ?? 0) + 1)
            #expect(try #require(Self.sample(after, "beacon_unsubscribes_total")) >= (Self.sample(before, "beacon_unsubscribes_total") ?? 0) + 2)
        }
    }

    @Test("What is in a reader's address never becomes a label")
    func noPersonalData() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            let token = "reader-token-\(UUID().uuidString)"
            _ = try await client.execute(uri: "/u/\(token)", method: .get)
            _ = try await client.execute(uri: "/feeds/\(token).xml", method: .get)
            _ = try await client.execute(uri: "/healthz?who=\(token)", method: .get)
            let text = try await Self.scrape(client)
            #expect(!text.contains(token))
            #expect(text.contains(#"route="NotFound""#))
        }
    }
}
