@testable import BeaconCore
@testable import BeaconEmail
import Foundation
import BeaconTestSupport
import Testing

/// Words too long to fold: a name, a title and an id of well over a thousand characters.
@Suite("Header lines within RFC 5322's limit, whatever the data", .serialized)
struct LongHeaderTests {
    static let word = String(repeating: "Llanfairpwllgwyngyll", count: 60)

    /// The example with one reader, one digest title and that digest's id made of a single
    /// unbroken word each, set in memory so no input limit stands in the way.
    static func longWords(_ example: Example) throws -> (configuration: Configuration, name: String, title: String) {
        let configuration = example.configuration
        let digest = try #require(configuration.digest(DigestID("portfolio-holders-monthly")))
        let title = "Digest \(word)"
        let long = DigestDefinition(
            id: DigestID("portfolio-\(word.lowercased())"), title: LocalizedText(english: title, welsh: "Crynodeb \(word)"),
            audiences: digest.audiences, frequency: digest.frequency, schedule: digest.schedule, channels: digest.channels,
            budget: digest.budget, sections: digest.sections, funds: digest.funds, sendWhenEmpty: digest.sendWhenEmpty, split: digest.split)
        let reader = try #require(configuration.subscriber(SubscriberID("cllr-eira-sampl")))
        let name = "Cllr \(word)"
        let renamed = Subscriber(
            id: SubscriberID("cllr-\(word.lowercased())"), name: name, email: reader.email, audience: reader.audience,
            organisation: reader.organisation, interests: reader.interests, language: .english, channels: reader.channels,
            frequency: reader.frequency, consentOn: reader.consentOn, unsubscribedOn: reader.unsubscribedOn)
        return (Configuration(
            settings: configuration.settings, register: configuration.register, audiences: configuration.audiences,
            subscribers: [renamed], digests: [long]), name, title)
    }

    @Test("A name, title and id each of one 1,200-character word reach a real server and read back the same")
    func unbrokenWords() throws {
        let server = try SMTPTestServer()
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_PUBLIC_BASE_URL": "https://beacon.example"])
        let (configuration, name, title) = try Self.longWords(example)
        let deliveries = Array(configuration.deliveries(
            of: configuration.digests[0], over: EmailChannel.name, reach: .eachSubscriber, on: issueDate, renderer: try DigestRenderer(configuration: configuration)))
        #expect(deliveries.count == 1)
        let log = try example.channel().deliverRecording(deliveries)
        #expect(log.allDelivered, "\(log.outcomes)")
        let file = try #require(try server.messages().first?.file)
        let message = try ReadMessage.read(file)
        #expect(message.defects.isEmpty)
        #expect(message.longest_header_line <= 998)
        #expect(message.headers["Subject"] == "\(title) – 1 December 2026")
        #expect(message.to_name == name)
        #expect(message.to_addresses == ["eira.sampl@ceredigion.example"])
        #expect(message.headers["List-Id"]?.hasPrefix("\(title) <portfolio-llanfairpwllgwyngyll") == true)
        let headers = String(decoding: try Data(contentsOf: file), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        for line in headers.components(separatedBy: "\r\n") where !line.hasPrefix("List-Unsubscribe:") && !line.hasPrefix(" <") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
    }
}
