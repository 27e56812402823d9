@testable import BeaconBounces
import BeaconCurl
import BeaconTestSupport
import Foundation
import Testing

/// Real DSNs from a real Postfix: mail sent with Beacon's VERP envelope sender through a
/// private Postfix instance to aiosmtpd, which refuses one address for good (550) and another
/// for now (451, given up at once since the queue lifetime is 0). Postfix's reports come back
/// to the bounce address: into a Maildir, and through pipe(8) as `beacon bounces --stdin`
/// would get them (Deploy/postfix/README.md's set-up).
@Suite("DSNs from a real Postfix, read back from its Maildir and its pipe", .serialized)
struct PostfixDSNTests {
    static let maildirDomain = "gov.wales.example"
    static let pipeDomain = "pipe.gov.wales.example"

    /// Sends one message per recipient over SMTP with libcurl, each with its own VERP sender.
    func send(to postfix: PostfixTestServer, _ deliveries: [(recipient: String, sender: String)]) throws {
        let curl = try #require(CurlHandle(capturing: CurlHandle.Capture(serverReplies: true)))
        curl.set(.url, "smtp://127.0.0.1:\(postfix.port)")
        curl.set(.upload, true)
        for (recipient, sender) in deliveries {
            let reference = try #require(sender.split(separator: "+").last?.split(separator: "@").first)
            let message = """
                From: Invest to Save <digests@gov.wales.example>\r
                To: \(recipient)\r
                Subject: Invest to Save: directors' digest\r
                Message-ID: <\(reference)@gov.wales.example>\r
                List-Id: Directors' digest <directors-fortnightly.gov.wales.example>\r
                \r
                Hello.\r

                """
            curl.set(.mailFrom, "<\(sender)>")
            curl.set(.mailRecipients, CurlList(["<\(recipient)>"]))
            let result = curl.perform(sending: Data(message.utf8))
            #expect(result.code == .ok, "\(result.errorText) \(result.serverReplies)")
        }
    }

    @Test("A 550 gives a hard bounce and a 451 given up a soft one, each naming its delivery, from the Maildir and the pipe")
    func hardAndSoft() throws {
        let relay = try SMTPTestServer(["--reject", "gone@reader.example", "--tempfail", "busy@reader.example:1000"])
        let postfix = try PostfixTestServer(relayPort: relay.port, maildirDomain: Self.maildirDomain, pipeDomain: Self.pipeDomain)
        defer { postfix.stop() }
        try send(to: postfix, [
            ("gone@reader.example", "bounces+h4rd0001@\(Self.maildirDomain)"),
            ("busy@reader.example", "bounces+s0ft0002@\(Self.maildirDomain)"),
            ("fine@reader.example", "bounces+f1ne0003@\(Self.maildirDomain)"),
            ("gone@reader.example", "bounces+p1pe0004@\(Self.pipeDomain)"),
        ])

        _ = try postfix.waitForMaildir(count: 2)
        let folder = try MaildirFolder(postfix.maildir)
        var byReference: [String: ReturnedMail] = [:]
        for message in try folder.unseenMessages() {
            guard case let .returnedMail(mail) = Corpus.reader.read(try folder.read(message)) else {
                Issue.record("Postfix's report \(message) was set aside")
                continue
            }
            byReference[mail.reference?.value ?? "none"] = mail
            try folder.markSeen(message)
        }
        #expect(byReference.keys.sorted() == ["h4rd0001", "s0ft0002"])

        let hard = try #require(byReference["h4rd0001"])
        #expect(hard.kind == .hardBounce)
        #expect(hard.reference?.source == .deliveryHeader)
        #expect(hard.reportingMTA == "mx.beacon-tests.example")
        #expect(hard.recipients.map(\.address) == ["gone@reader.example"])
        #expect(hard.recipients.first?.action == .failed)
        #expect(hard.recipients.first?.status?.description == "5.1.1")
        #expect(hard.recipients.first?.diagnostic == "550 5.1.1 <gone@reader.example>: Recipient address rejected: User unknown")
        #expect(hard.recipients.first?.remoteMTA == "127.0.0.1")
        #expect(hard.original?.messageID == "<h4rd0001@gov.wales.example>")
        #expect(hard.original?.listID == "Directors' digest <directors-fortnightly.gov.wales.example>")
        #expect(hard.arrivalDate != nil)

        let soft = try #require(byReference["s0ft0002"])
        #expect(soft.kind == .softBounce)
        #expect(soft.recipients.first?.action == .failed)
        #expect(soft.recipients.first?.status?.description == "4.3.0")
        #expect(soft.recipients.first?.diagnostic == "451 4.3.0 <busy@reader.example>: Mailbox busy, try again later")
        #expect(soft.original?.messageID == "<s0ft0002@gov.wales.example>")
        #expect(try folder.unseenMessages().isEmpty)

        let piped = try #require(try postfix.waitForPiped(count: 1).first)
        #expect(piped.recipient == "bounces+p1pe0004@\(Self.pipeDomain)")
        let input = try FileHandle(forReadingFrom: piped.message)
        let message = try PipedMessage.read(from: input, envelopeRecipient: piped.recipient)
        let pipeReader = ReturnedMailReader(bounceAddress: BounceAddress(localPart: "bounces", domain: Self.pipeDomain)!)
        guard case let .returnedMail(fromPipe) = pipeReader.read(message.data, envelopeRecipient: message.envelopeRecipient) else {
            Issue.record("the piped report was set aside")
            return
        }
        #expect(fromPipe.kind == .hardBounce)
        #expect(fromPipe.reference == VERPReference(value: "p1pe0004", source: .envelopeRecipient))
        #expect(fromPipe.recipients.first?.status?.description == "5.1.1")
        // pipe(8)'s D, O and R flags add these above Postfix's report; R writes the null sender so.
        let text = String(decoding: message.data.prefix(400), as: UTF8.self)
        let added = text.split(separator: "\n").prefix(3).sorted()
        #expect(added == ["Delivered-To: bounces+p1pe0004@\(Self.pipeDomain)", "Return-Path: <MAILER-DAEMON>", "X-Original-To: bounces+p1pe0004@\(Self.pipeDomain)"], "\(text)")
    }
}
