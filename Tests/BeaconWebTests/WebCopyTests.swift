import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("/w/TOKEN: the web copy of one reader's issue")
struct WebCopyTests {
    @Test("The email's footer and Archived-At link to the web copy, which shows exactly what the email's HTML said")
    func equalsTheEmail() async throws {
        let fixture = try WebFixture()
        try fixture.send("portfolio-holders-monthly", on: "2026-12-01")
        let message = try #require(try fixture.outbox("portfolio-holders-monthly").first { $0.contains("eira.sampl@ceredigion.example") })
        let emailHTML = try #require(PageReading.htmlPart(of: message))
        let link = try #require(PageReading.link(in: emailHTML, startingWith: "\(WebFixture.base)/w/"))
        #expect(message.replacingOccurrences(of: "\r\n ", with: " ").contains("Archived-At: <\(link)>"))
        let decoded = PageReading.quotedPrintable(message)
        #expect(decoded.contains("To read this digest in a web browser:\r\n\(link)"))
        #expect(decoded.contains("I ddarllen y crynodeb hwn mewn porwr gwe:\r\n\(link)"))
        try await fixture.test { client in
            let response = try await client.execute(uri: String(link.dropFirst(WebFixture.base.count)), method: .get)
            #expect(response.status == .ok)
            let page = PageReading.text(response)
            let copy = try #require(PageReading.inside("article", of: page))
            #expect(copy == PageReading.inside("main", of: emailHTML))
            #expect(copy.contains("Prepared for Cllr Eira Sampl"))
        }
    }

    @Test("A web copy link for an issue that was never sent finds nothing")
    func noIssue() async throws {
        let fixture = try WebFixture()
        let token = ReaderLinkTokens.webCopy(fixture, "cllr-eira-sampl", "portfolio-holders-monthly", "2026-12-01")
        try await fixture.test { client in
            let response = try await client.execute(uri: "/w/\(token)", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
