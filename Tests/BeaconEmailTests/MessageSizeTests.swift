import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconEmail
import Foundation
import BeaconTestSupport
import Testing

@Suite("A message larger than email.max_message_bytes is not sent, and says why", .serialized)
struct MessageSizeTests {
    static let reason = "over email.max_message_bytes (5 KB); a text in the register is probably far too long"

    @Test("To the outbox: each oversized message is recorded as failed with its size and what to do, and no file is written")
    func outbox() throws {
        let example = try Example(environment: ["BEACON_EMAIL_MAX_MESSAGE_BYTES": "5000"])
        let outcomes = try example.send()
        #expect(outcomes.count == 10)
        for outcome in outcomes.values {
            guard case .failed(let reason) = outcome else { Issue.record("sent anyway: \(outcome)"); continue }
            #expect(reason.hasPrefix("the message is "))
            #expect(reason.contains(Self.reason))
        }
        #expect(!FileManager.default.fileExists(atPath: example.configuration.settings.dataFolder.appendingPathComponent("outbox").path))
    }

    @Test("Over SMTP: nothing oversized reaches the server, and every delivery is recorded as failed")
    func smtp() throws {
        let server = try SMTPTestServer()
        let example = try Example(environment: ["BEACON_SMTP_URL": server.url, "BEACON_EMAIL_MAX_MESSAGE_BYTES": "5000"])
        let outcomes = try example.send()
        #expect(outcomes.count == 10)
        #expect(outcomes.values.allSatisfy { if case .failed(let reason) = $0 { reason.contains(Self.reason) } else { false } })
        #expect(try server.messages().isEmpty)
    }

    @Test("The limit is 2 MB unless set, and must be a whole number")
    func setting() throws {
        #expect(try Example().settings().maxMessageBytes == 2_000_000)
        let example = try Example(environment: ["BEACON_EMAIL_MAX_MESSAGE_BYTES": "lots"])
        let (_, problems) = EmailSettings.read(from: example.configuration, environment: example.environment)
        #expect(problems.map(\.description) == ["environment:BEACON_EMAIL_MAX_MESSAGE_BYTES: \"lots\" is not a whole number above zero"])
    }
}
