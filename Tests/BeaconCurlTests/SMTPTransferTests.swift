@testable import BeaconCurl
import Foundation
import BeaconTestSupport
import Testing

@Suite("SMTP through a CurlHandle, against aiosmtpd", .serialized)
struct SMTPTransferTests {
    func message(to recipient: String) -> Data {
        Data("From: beacon@example.org\r\nTo: \(recipient)\r\nSubject: test\r\n\r\nHello, \(recipient).\r\n".utf8)
    }

    func handle(for server: SMTPTestServer) throws -> CurlHandle {
        let curl = try #require(CurlHandle(capturing: CurlHandle.Capture(serverReplies: true)))
        curl.set(.url, server.url)
        curl.set(.upload, true)
        curl.set(.mailFrom, "<beacon@example.org>")
        return curl
    }

    @Test("One handle sends message after message over one connection")
    func reuse() throws {
        let server = try SMTPTestServer()
        let curl = try handle(for: server)
        let recipients = ["a@example.org", "b@example.org", "c@example.org"]
        for recipient in recipients {
            curl.set(.mailRecipients, CurlList(["<\(recipient)>"]))
            let result = curl.perform(sending: message(to: recipient))
            #expect(result.code == .ok, "\(result.errorText)")
            #expect(result.responseCode == 250)
            #expect(result.serverReplies.last?.hasPrefix("250 2.0.0 Ok: queued") == true)
        }
        try server.waitFor(messages: 3)
        let received = try server.messages()
        #expect(received.map(\.recipients) == recipients.map { [$0] })
        #expect(try received.map { try Data(contentsOf: $0.file) } == recipients.map(message(to:)))
        #expect(server.connections == 1)
    }

    @Test("A refused recipient gives the server's code and words")
    func refusal() throws {
        let server = try SMTPTestServer(["--reject", "gone@example.org"])
        let curl = try handle(for: server)
        curl.set(.mailRecipients, CurlList(["<gone@example.org>"]))
        let result = curl.perform(sending: message(to: "gone@example.org"))
        #expect(result.code != .ok)
        #expect(result.responseCode == 550)
        #expect(result.serverReplies.contains { $0.hasPrefix("550 5.1.1") })
        #expect(try server.messages().isEmpty)
    }

    @Test("Replies to AUTH are kept; the username and password are in none of them")
    func credentials() throws {
        let server = try SMTPTestServer(["--auth", "beacon:correct horse battery"])
        let curl = try handle(for: server)
        curl.set(.username, "beacon")
        curl.set(.password, "correct horse battery")
        curl.set(.mailRecipients, CurlList(["<a@example.org>"]))
        let result = curl.perform(sending: message(to: "a@example.org"))
        #expect(result.code == .ok, "\(result.errorText)")
        #expect(result.serverReplies.contains { $0.hasPrefix("235") })
        // As sent: AUTH PLAIN or LOGIN carry them in base64.
        let encoded = ["\0beacon\0correct horse battery", "beacon", "correct horse battery"].map { Data($0.utf8).base64EncodedString() }
        let secrets = ["correct horse battery"] + encoded
        let commands = ["EHLO", "AUTH", "MAIL FROM", "RCPT TO", "DATA", "Subject:"]
        #expect(!result.serverReplies.contains { line in secrets.contains { line.contains($0) } }, "\(result.serverReplies)")
        #expect(!result.serverReplies.contains { line in commands.contains { line.hasPrefix($0) } }, "\(result.serverReplies)")
    }
}
