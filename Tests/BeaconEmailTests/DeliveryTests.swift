import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconEmail
import Foundation
import BeaconTestSupport
import Testing

@Suite("Email delivery, read back by Python's email package as a mail client would", .serialized)
struct DeliveryTests {
    @Test("With no SMTP server set, every message goes to the outbox and reads correctly")
    func outbox() throws {
        let example = try Example()
        let outcomes = try example.send()
        #expect(outcomes.count == 10)
        #expect(outcomes.values.allSatisfy { if case .delivered = $0 { true } else { false } })
        let file = example.configuration.settings.dataFolder.appendingPathComponent("outbox/portfolio-holders-monthly/2026-12-01/cllr-eira-sampl.eml")
        let message = try ReadMessage.read(file)
        #expect(message.defects.isEmpty)
        #expect(message.content_type == "multipart/alternative")
        #expect(message.parts == ["text/plain", "text/html"])
        #expect(message.part_encodings == ["quoted-printable", "quoted-printable"])
        #expect(message.bare_line_feeds == 0)
        #expect(message.longest_body_line <= 76)
        #expect(message.non_ascii_bytes == 0)
        #expect(message.headers["Subject"] == "Buddsoddi i Arbed: crynodeb misol i ddeiliaid portffolio cyllid – 1 Rhagfyr 2026 / Invest to Save: monthly digest for finance portfolio holders – 1 December 2026")
        #expect(message.headers["To"] == "Cllr Eira Sampl <eira.sampl@ceredigion.example>")
        #expect(message.headers["Reply-To"] == "invest-to-save@gov.wales.example")
        #expect(message.headers["Auto-Submitted"] == "auto-generated")
        #expect(message.headers["Content-Language"] == "cy, en")
        // The description is a phrase, quoted for its colon.
        #expect(message.headers["List-Id"] == "\"Invest to Save: monthly digest for finance portfolio holders\" <portfolio-holders-monthly.gov.wales.example>")
        #expect(message.headers["Date"] == "Tue, 01 Dec 2026 09:00:00 +0000")
        #expect(message.headers["Message-ID"]?.hasPrefix("<beacon.") == true)
        #expect(!message.header_names.contains("Bcc"))
        let plain = try #require(message.plain), html = try #require(message.html)
        let welsh = try #require(plain.range(of: "Newydd ers y rhifyn diwethaf"))
        let english = try #require(plain.range(of: "New since the last issue"))
        #expect(welsh.lowerBound < english.lowerBound)
        #expect(plain.contains("I roi'r gorau i gael y crynodeb hwn:\nmailto:invest-to-save@gov.wales.example?subject=unsubscribe%20"))
        #expect(plain.contains("To stop receiving this digest:\nmailto:invest-to-save@gov.wales.example?subject=unsubscribe%20"))
        #expect(html.contains(">dad-danysgrifio</a>"))
        #expect(html.contains(">unsubscribe</a>"))
    }

    @Test("A message sent again, later, keeps its Message-ID, so mail clients see one message")
    func stableMessageID() throws {
        let example = try Example()
        let delivery = try #require(try example.deliveries().first)
        let settings = try example.settings()
        let early = EmailChannel(settings: settings, timeZone: example.configuration.settings.timeZone, clock: { sendTime })
        let late = EmailChannel(settings: settings, timeZone: example.configuration.settings.timeZone, clock: { sendTime.addingTimeInterval(86_400) })
        let header = { (message: Data) in
            String(decoding: message, as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }
        }
        let first = try header(early.exactMessage(for: delivery)), second = try header(late.exactMessage(for: delivery))
        #expect(first != nil)
        #expect(first == second)
    }

    @Test("A network's mailing list gets the network's bilingual bulletin by email")
    func mailingList() throws {
        let example = try Example()
        let outcomes = try example.send()
        #expect(outcomes["network-meeting-bulletin/list:directors-of-finance-network"].map { if case .delivered = $0 { true } else { false } } == true)
        let folder = example.configuration.settings.dataFolder.appendingPathComponent("outbox/network-meeting-bulletin/2026-12-01")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("list-directors-of-finance-network") })
        let message = try ReadMessage.read(folder.appendingPathComponent(file))
        #expect(message.to_addresses == ["dof-network@lists.gov.wales.example"])
        #expect(message.headers["Content-Language"] == "cy, en")
        #expect(message.plain?.contains("Overdue action: Share the outpatient records business case") == true)
    }

    @Test("The unsubscribe header carries a token that verifies, and a one-click URL when a public address is set")
    func unsubscribeHeaders() throws {
        let example = try Example(environment: ["BEACON_PUBLIC_BASE_URL": "https://beacon.gov.wales.example/"])
        _ = try example.send()
        let file = example.configuration.settings.dataFolder.appendingPathComponent("outbox/directors-fortnightly/2026-12-01/ffion-enghraifft.eml")
        let message = try ReadMessage.read(file)
        let header = try #require(message.headers["List-Unsubscribe"])
        #expect(message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        let url = try #require(header.split(separator: ",").last).trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
        #expect(url.hasPrefix("https://beacon.gov.wales.example/u/"))
        let token = String(url.dropFirst("https://beacon.gov.wales.example/u/".count))
        #expect(try example.channel().verifyUnsubscribeToken(token)
            == UnsubscribeRequest(reader: .subscriber(SubscriberID("ffion-enghraifft")), digest: DigestID("directors-fortnightly")))
        let copy = try #require(message.headers["Archived-At"]).trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
        #expect(copy.hasPrefix("https://beacon.gov.wales.example/w/"), "the web copy is named in Archived-At (RFC 5064)")
        #expect(message.headers["Subject"] == "Buddsoddi i Arbed: crynodeb pythefnosol i gyfarwyddwyr – 1 Rhagfyr 2026")
        #expect(message.plain?.contains("To stop receiving") == false)
        #expect(message.plain?.contains("I roi'r gorau i gael y crynodeb hwn:\nhttps://beacon.gov.wales.example/u/\(token)") == true)
    }

    @Test("Over SMTP every reader gets exactly the bytes the outbox would hold, on one reused connection")
    func smtp() throws {
        let server = try SMTPTestServer()
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_CONNECTIONS": "1"])
        let outcomes = try example.send()
        #expect(outcomes.count == 10)
        #expect(outcomes["directors-fortnightly/ffion-enghraifft"]?.description.contains("250 2.0.0 Ok: queued as") == true)
        let messages = try server.messages()
        #expect(messages.count == 10)
        #expect(server.connections == 1)
        let outbox = try Example()
        _ = try outbox.send()
        for (file, recipients) in messages {
            #expect(recipients.count == 1)
            let message = try ReadMessage.read(file)
            #expect(message.defects.isEmpty)
            #expect(message.headers["To"]?.contains("<\(recipients[0])>") == true)
        }
        let eira = try #require(messages.first { $0.recipients == ["eira.sampl@ceredigion.example"] })
        let fromOutbox = outbox.configuration.settings.dataFolder.appendingPathComponent("outbox/portfolio-holders-monthly/2026-12-01/cllr-eira-sampl.eml")
        #expect(try Data(contentsOf: eira.file) == Data(contentsOf: fromOutbox))
    }

    @Test("A hostile subscriber name cannot add a recipient or a header")
    func hostileName() throws {
        let server = try SMTPTestServer()
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url]) { config in
            let file = config.appendingPathComponent("subscribers.yml")
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "name: Cllr Eira Sampl", with: "name: 'Eira \"Boss\" <evil@example.org>, =?UTF-8?B?QmNjOg==?= Sampl'")
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        _ = try example.send()
        let messages = try server.messages()
        #expect(!messages.flatMap(\.recipients).contains("evil@example.org"))
        let eira = try #require(messages.first { $0.recipients == ["eira.sampl@ceredigion.example"] })
        let message = try ReadMessage.read(eira.file)
        #expect(Set(message.header_names) == ["Date", "From", "Reply-To", "To", "Subject", "Message-ID", "Content-Language", "List-Id", "List-Unsubscribe", "Auto-Submitted", "MIME-Version", "Content-Type"])
        #expect(message.to_addresses == ["eira.sampl@ceredigion.example"])
        #expect(message.headers["To"]?.contains("evil@example.org") == true, "the name is shown as typed, as text")
    }

    @Test("451 twice for some readers, then success: all delivered, none twice")
    func temporaryFailures() throws {
        let server = try SMTPTestServer(["--tempfail", "eira.sampl@ceredigion.example:2", "--tempfail", "ffion.enghraifft@hyweldda.example:1"])
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_RETRY_DELAY": "0.05"])
        let outcomes = try example.send()
        #expect(outcomes.values.allSatisfy { if case .delivered = $0 { true } else { false } })
        let recipients = try server.messages().flatMap(\.recipients)
        #expect(recipients.count == 10)
        #expect(Set(recipients).count == 10)
    }

    @Test("A 451 that never clears is deferred with the server's words after the allowed attempts")
    func deferred() throws {
        let server = try SMTPTestServer(["--tempfail", "eira.sampl@ceredigion.example:99"])
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_RETRY_DELAY": "0.05", "BEACON_SMTP_ATTEMPTS": "3"])
        let outcomes = try example.send()
        #expect(outcomes["portfolio-holders-monthly/cllr-eira-sampl"] == .deferred("451 4.3.0 <eira.sampl@ceredigion.example>: Mailbox busy, try again later (after 3 attempts)"))
        #expect(try server.messages().count == 9)
    }

    @Test("550 for one reader is recorded as failed; everyone else is delivered")
    func permanentFailure() throws {
        let server = try SMTPTestServer(["--reject", "ffion.enghraifft@hyweldda.example"])
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url])
        let outcomes = try example.send()
        #expect(outcomes["directors-fortnightly/ffion-enghraifft"] == .failed("550 5.1.1 <ffion.enghraifft@hyweldda.example>: Recipient address rejected: User unknown"))
        #expect(outcomes.values.filter { if case .delivered = $0 { true } else { false } }.count == 9)
        #expect(try server.messages().count == 9)
    }

    @Test("The connection closed during DATA: the message is sent again on a new connection, once")
    func droppedDuringData() throws {
        let server = try SMTPTestServer(["--drop-during-data", "eira.sampl@ceredigion.example"])
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_RETRY_DELAY": "0.05", "BEACON_SMTP_CONNECTIONS": "1"])
        let outcomes = try example.send()
        #expect(outcomes.values.allSatisfy { if case .delivered = $0 { true } else { false } })
        let recipients = try server.messages().flatMap(\.recipients)
        #expect(recipients.filter { $0 == "eira.sampl@ceredigion.example" }.count == 1)
        #expect(recipients.count == 10)
        #expect(server.connections == 2)
    }

    @Test("A rate limit spaces messages out across connections")
    func rateLimit() throws {
        let server = try SMTPTestServer()
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_SMTP_RATE": "20"])
        let started = Date()
        _ = try example.send()
        #expect(Date().timeIntervalSince(started) >= 9.0 / 20)
        #expect(try server.messages().count == 10)
    }

    @Test("No server at all: one clear error, and nothing claimed as sent")
    func noServer() throws {
        let example = try Example(environment: ["BEACON_SMTP_URL": "smtp://127.0.0.1:1", "BEACON_SMTP_CONNECT_TIMEOUT": "2"])
        let log = RecordingLog()
        #expect {
            try example.channel().deliver(try example.deliveries(), log: log)
        } throws: { error in
            (error as? ChannelFailure)?.description.hasPrefix("cannot reach the SMTP server at smtp://127.0.0.1:1") == true
        }
        #expect(log.outcomes.allSatisfy { if case .delivered = $0 { false } else { true } })
    }
}
