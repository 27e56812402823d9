import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconReaderLinks
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("/subscribe/DIGEST and /c/TOKEN: sign-up with double opt-in")
struct SignUpTests {
    static let path = "/subscribe/directors-fortnightly"

    static func fields(_ email: String, token: String) -> [(String, String)] {
        [
            ("form_token", token), ("name", "Siân Newydd"), ("email", email), ("organisation", "Cyngor Caerdydd"),
            ("sector", "local-government"), ("region", "south-east-wales"), ("language", "cy"), ("interests", "digital"),
        ]
    }

    /// Posts the sign-up form as a browser would, after fetching it.
    static func signUp(_ client: any TestClientProtocol, _ email: String) async throws -> TestResponse {
        let token = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: path, method: .get))))
        return try await client.execute(uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form(fields(email, token: token)))
    }

    @Test("Only digests that say open_to_signup have a form")
    func onlyOpenDigests() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let open = try await client.execute(uri: Self.path, method: .get)
            let closed = try await client.execute(uri: "/subscribe/portfolio-holders-monthly", method: .get)
            #expect(open.status == .ok)
            #expect(closed.status == .notFound)
        }
    }

    @Test("The confirmation email's link, followed and confirmed, records consent, and the next send includes the reader")
    func confirmAndReceive() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let answer = try await Self.signUp(client, "Sian.Newydd@caerdydd.example")
            #expect(answer.status == .ok)
            #expect(PageReading.text(answer).contains("Check your email"))
            #expect(try fixture.ledger.confirmedSignUps().isEmpty)
            let message = try #require(try fixture.outbox("_one-off").first)
            #expect(message.contains("sian.newydd@caerdydd.example"))
            #expect(message.contains("Content-Language: cy\r\n"))
            let link = try #require(PageReading.link(in: PageReading.quotedPrintable(message), startingWith: "\(WebFixture.base)/c/"))
            let confirmPath = String(link.dropFirst(WebFixture.base.count))
            let page = PageReading.text(try await client.execute(uri: confirmPath, method: .get))
            #expect(page.contains("Confirm your subscription"))
            #expect(try fixture.ledger.confirmedSignUps().isEmpty, "a GET confirms nothing")
            let token = try #require(PageReading.formToken(in: page))
            let confirmed = try await client.execute(
                uri: confirmPath, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([("form_token", token)]))
            #expect(PageReading.text(confirmed).contains("You are subscribed"))
        }
        let signUp = try #require(try fixture.ledger.confirmedSignUps().first)
        #expect(signUp.consentWording == "web-sign-up-2026-12")
        #expect(signUp.consentSource == "web sign-up form")
        #expect(signUp.email == "sian.newydd@caerdydd.example")
        try fixture.send("directors-fortnightly", on: "2026-12-01")
        #expect(try fixture.outbox("directors-fortnightly").contains { $0.contains("sian.newydd@caerdydd.example") })
    }

    @Test("Over SMTP, the confirmation email reaches a real server (aiosmtpd) for the address given")
    func overSMTP() async throws {
        let server = try SMTPTestServer()
        let fixture = try WebFixture(smtp: server.url)
        try await fixture.test { client in
            let answer = try await Self.signUp(client, "smtp.reader@caerdydd.example")
            #expect(answer.status == .ok)
        }
        try server.waitFor(messages: 1)
        let (file, recipients) = try #require(try server.messages().first)
        #expect(recipients == ["smtp.reader@caerdydd.example"])
        let message = PageReading.quotedPrintable(try String(contentsOf: file, encoding: .utf8))
        #expect(message.contains("\(WebFixture.base)/c/"))
        #expect(try fixture.outbox("_one-off").isEmpty)
    }

    @Test("An address already subscribed gets the same page, and an email saying so instead of a link to confirm")
    func existingAddress() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let new = PageReading.text(try await Self.signUp(client, "new.reader@caerdydd.example"))
            let existing = PageReading.text(try await Self.signUp(client, "rhys.placeholder@bcuhb.example"))
            #expect(new == existing)
        }
        let messages = try fixture.outbox("_one-off")
        let note = try #require(messages.first { $0.contains("rhys.placeholder@bcuhb.example") })
        #expect(!PageReading.quotedPrintable(note).contains("\(WebFixture.base)/c/"))
        #expect(PageReading.quotedPrintable(note).contains("\(WebFixture.base)/p/"))
    }

    @Test("At most three sign-ups an hour for one address, and ten from one client")
    func rateLimits() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for _ in 0..<4 {
                let answer = try await Self.signUp(client, "often@caerdydd.example")
                #expect(answer.status == .ok)
            }
            #expect(try fixture.outbox("_one-off").count == 3)
            for index in 0..<6 {
                let answer = try await Self.signUp(client, "reader\(index)@caerdydd.example")
                #expect(answer.status == .ok)
            }
            let refused = try await Self.signUp(client, "one.too.many@caerdydd.example")
            #expect(refused.status == .tooManyRequests)
        }
        #expect(try fixture.outbox("_one-off").count == 9)
    }

    @Test("A sign-up not confirmed within 7 days expires, cannot be confirmed, and is removed")
    func expiry() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            _ = try await Self.signUp(client, "late@caerdydd.example")
            let message = try #require(try fixture.outbox("_one-off").first)
            let link = try #require(PageReading.link(in: PageReading.quotedPrintable(message), startingWith: "\(WebFixture.base)/c/"))
            let confirmPath = String(link.dropFirst(WebFixture.base.count))
            fixture.now = WebFixture.firstOfDecember.addingTimeInterval(SignUp.lifetime + 60)
            #expect(PageReading.text(try await client.execute(uri: confirmPath, method: .get)).contains("This link has expired"))
            let token = FormToken(path: confirmPath, expires: fixture.now.addingTimeInterval(60)).signed(with: fixture.keys)
            let late = try await client.execute(uri: confirmPath, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([("form_token", token)]))
            #expect(!PageReading.text(late).contains("You are subscribed"))
            _ = try await Self.signUp(client, "someone.else@caerdydd.example")
        }
        #expect(try fixture.ledger.confirmedSignUps().isEmpty)
        #expect(try fixture.ledger.signUpCount(email: "late@caerdydd.example", since: .distantPast) == 0)
    }

    @Test("Mistakes are listed at the top, each linked to its field, and nothing is recorded or sent")
    func validation() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let token = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: Self.path, method: .get))))
            let response = try await client.execute(uri: Self.path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([
                ("form_token", token), ("name", " "), ("email", "not an address"), ("organisation", "Cyngor\r\nBcc: x@example.org"),
                ("sector", "local-government"), ("language", "cy"),
            ]))
            #expect(response.status == .badRequest)
            let page = PageReading.text(response)
            for field in ["name", "email", "organisation", "region"] {
                #expect(page.contains("<a href=\"#\(field)\">"), "\(field)")
            }
            #expect(page.contains("value=\"not an address\""))
        }
        #expect(try fixture.outbox("_one-off").isEmpty)
        #expect(try fixture.ledger.signUpCount(email: "not an address", since: .distantPast) == 0)
    }
}
