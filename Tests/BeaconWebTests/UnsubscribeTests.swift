import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("/u/TOKEN: one-click unsubscribe (RFC 8058), the page, and undo")
struct UnsubscribeTests {
    static let digest = "portfolio-holders-monthly"
    static let reader = "cllr-eira-sampl"

    @Test("A mail client's POST with exactly List-Unsubscribe=One-Click unsubscribes at once, is recorded like `beacon unsubscribe`, and can be repeated")
    func oneClick() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest)
        try await fixture.test { client in
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: path, method: .post, headers: PageReading.formHeaders, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
                #expect(response.status == .ok)
            }
        }
        let suppressions = try fixture.suppressions()
        #expect(suppressions.count == 1)
        let recorded = try #require(suppressions.first)
        #expect(recorded.address == "eira.sampl@ceredigion.example")
        #expect(recorded.reader == RecipientKey(Self.reader))
        #expect(recorded.digest == DigestID(Self.digest))
        #expect(recorded.how == "one-click")
        #expect(recorded.liftedAt == nil)
        // The next send skips her.
        try fixture.send(Self.digest, on: "2026-12-01")
        #expect(try fixture.outbox(Self.digest).allSatisfy { !$0.contains("eira.sampl@ceredigion.example") })
    }

    @Test("curl's form post, as a mail provider sends it, over a real connection")
    func rawRequest() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest)
        try await fixture.service.application(port: 0).test(.live) { client in
            let port = try #require(client.port)
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-d", "List-Unsubscribe=One-Click", "http://127.0.0.1:\(port)\(path)"]
            let output = Pipe()
            curl.standardOutput = output
            try curl.run()
            curl.waitUntilExit()
            #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "200")
        }
        #expect(try fixture.suppressions().map(\.how) == ["one-click"])
    }

    @Test("A GET, as a mail scanner makes of every link, shows who and what without changing anything")
    func scannerChangesNothing() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest)
        try await fixture.test { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            let page = PageReading.text(response)
            #expect(page.contains("Cllr Eira Sampl (e•••@ceredigion.example)"))
            #expect(page.contains("monthly digest for finance portfolio holders"))
            #expect(page.contains("<form method=\"post\" action=\"\(path)\""))
            #expect(page.contains("href=\"/p/"))
            #expect(page.contains("<html lang=\"cy\">"))
            _ = try await client.execute(uri: path.replacingOccurrences(of: "/u/", with: "/p/"), method: .get)
            _ = try await client.execute(uri: path, method: .head)
        }
        #expect(try fixture.suppressions().isEmpty)
        #expect(try fixture.ledger.readerChoices().isEmpty)
    }

    @Test("A forged, changed or cut token gets a plain 400 that names nobody", arguments: ["/u/", "/p/", "/w/", "/c/"])
    func badTokens(prefix: String) async throws {
        let fixture = try WebFixture()
        let token = String(fixture.unsubscribePath(Self.reader, Self.digest).dropFirst(3))
        let altered = String(token.prefix(5)) + (token.dropFirst(5).first == "A" ? "B" : "A") + String(token.dropFirst(6))
        try await fixture.test { client in
            for bad in [String(token.dropLast()), altered, String(token.prefix(10)), "not-a-token"] {
                // A web copy is only ever fetched.
                for method in prefix == "/w/" ? [HTTPRequest.Method.get] : [.get, .post] {
                    let response = try await client.execute(
                        uri: prefix + bad, method: method, headers: PageReading.formHeaders, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
                    #expect(response.status == .badRequest, "\(method) \(prefix)\(bad)")
                    let page = PageReading.text(response)
                    for revealing in ["Eira", "eira", "ceredigion", "portfolio", "Portfolio"] {
                        #expect(!page.contains(revealing), "\(prefix) names \(revealing)")
                    }
                }
            }
        }
        #expect(try fixture.suppressions().isEmpty)
    }

    @Test("The page's own form unsubscribes, and its undo lifts that suppression")
    func formAndUndo() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest)
        try await fixture.test { client in
            let page = PageReading.text(try await client.execute(uri: path, method: .get))
            let token = try #require(PageReading.formToken(in: page))
            let done = try await client.execute(
                uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([("form_token", token), ("action", "unsubscribe")]))
            #expect(done.status == .ok)
            let unsubscribed = PageReading.text(done)
            #expect(unsubscribed.contains("You are unsubscribed"))
            #expect(try fixture.suppressions().map(\.how) == ["web page"])
            let undoToken = try #require(PageReading.formToken(in: unsubscribed))
            let undone = try await client.execute(
                uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([("form_token", undoToken), ("action", "undo")]))
            #expect(PageReading.text(undone).contains("You are subscribed again"))
        }
        #expect(try fixture.suppressions().allSatisfy { $0.liftedAt != nil })
    }

    @Test("A form posted from another site, without the page's token, or with another page's, is refused and changes nothing")
    func crossSiteRefused() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest)
        let other = fixture.unsubscribePath("cllr-dafydd-ffug", Self.digest)
        try await fixture.test { client in
            let token = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: path, method: .get))))
            let otherToken = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: other, method: .get))))
            let attempts: [(HTTPFields, [(String, String)])] = [
                ([.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"], [("form_token", token), ("action", "unsubscribe")]),
                ([.contentType: "application/x-www-form-urlencoded", .referer: "https://evil.example/page"], [("form_token", token), ("action", "unsubscribe")]),
                (PageReading.sameOrigin, [("action", "unsubscribe")]),
                (PageReading.sameOrigin, [("form_token", otherToken), ("action", "unsubscribe")]),
                (PageReading.sameOrigin, [("List-Unsubscribe", "One-Click"), ("action", "unsubscribe")]),
            ]
            for (headers, fields) in attempts {
                let response = try await client.execute(uri: path, method: .post, headers: headers, body: PageReading.form(fields))
                #expect(response.status == .forbidden)
            }
        }
        #expect(try fixture.suppressions().isEmpty)
    }
}
