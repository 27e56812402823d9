import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconSend
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("/p/TOKEN: a reader's own choices, saved in the ledger and used by the next send")
struct PreferencesTests {
    static let digest = "portfolio-holders-monthly"
    static let reader = "cllr-eira-sampl"

    @Test("Choices are saved, only where they differ from the files, and the next send uses them")
    func savedAndApplied() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest).replacingOccurrences(of: "/u/", with: "/p/")
        try await fixture.test { client in
            let form = PageReading.text(try await client.execute(uri: path, method: .get))
            #expect(form.contains("value=\"both\" checked"))
            #expect(form.contains("value=\"energy-efficiency\" checked"))
            #expect(form.contains("<legend>"))
            let token = try #require(PageReading.formToken(in: form))
            let saved = try await client.execute(uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([
                ("form_token", token), ("language", "en"), ("frequency", "monthly"),
                ("interests", "energy-efficiency"), ("interests", "shared-services"), ("interests", "waste"), ("paused_until", ""),
            ]))
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(PageReading.text(try await client.execute(uri: location, method: .get)).contains("Your choices are saved"))
        }
        let choices = try #require(try fixture.ledger.readerChoices()[RecipientKey(Self.reader)])
        #expect(choices == ReaderChoices(
            language: .english, interests: [ThemeID("energy-efficiency"), ThemeID("shared-services"), ThemeID("waste")]))
        let applied = try ReaderRoster.configuration(fixture.configuration, ledger: fixture.ledger, on: CivilDate(parsing: "2026-12-01")!)
        #expect(applied.subscriber(SubscriberID(Self.reader))?.language == .english)
        try fixture.send(Self.digest, on: "2026-12-01")
        let message = try #require(try fixture.outbox(Self.digest).first { $0.contains("eira.sampl@ceredigion.example") })
        #expect(message.contains("Content-Language: en\r\n"))
    }

    @Test("A mistake re-shows the form with a summary linked to the field, and saves nothing")
    func validation() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest).replacingOccurrences(of: "/u/", with: "/p/")
        try await fixture.test { client in
            let token = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: path, method: .get))))
            let response = try await client.execute(uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([
                ("form_token", token), ("language", "en"), ("frequency", "weekly"), ("paused_until", "2020-01-01"),
            ]))
            #expect(response.status == .badRequest)
            let page = PageReading.text(response)
            #expect(page.contains("class=\"error-summary\""))
            #expect(page.contains("<a href=\"#paused_until\">"))
            #expect(page.contains("<a href=\"#frequency\">"))
            #expect(page.contains("id=\"paused_until\" name=\"paused_until\" value=\"2020-01-01\" aria-describedby=\"paused_until-hint paused_until-error\" aria-invalid=\"true\""))
            #expect(page.contains("<title>Gwall: "))
        }
        #expect(try fixture.ledger.readerChoices().isEmpty)
    }

    @Test("A pause keeps the reader out of sends until its date")
    func pause() async throws {
        let fixture = try WebFixture()
        let path = fixture.unsubscribePath(Self.reader, Self.digest).replacingOccurrences(of: "/u/", with: "/p/")
        try await fixture.test { client in
            let token = try #require(PageReading.formToken(in: PageReading.text(try await client.execute(uri: path, method: .get))))
            let response = try await client.execute(uri: path, method: .post, headers: PageReading.sameOrigin, body: PageReading.form([
                ("form_token", token), ("language", "both"), ("frequency", "monthly"),
                ("interests", "energy-efficiency"), ("interests", "shared-services"), ("paused_until", "2027-02-01"),
            ]))
            #expect(response.status == .seeOther)
        }
        #expect(try fixture.ledger.readerChoices()[RecipientKey(Self.reader)] == ReaderChoices(pausedUntil: CivilDate(parsing: "2027-02-01")))
        try fixture.send(Self.digest, on: "2026-12-01")
        #expect(try fixture.outbox(Self.digest).allSatisfy { !$0.contains("eira.sampl@ceredigion.example") })
    }
}
