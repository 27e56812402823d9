@testable import BeaconBounces
import Foundation
import Testing

@Suite("Hostile and damaged messages: bounded work, a reason, never a crash")
struct HostileMessageTests {
    let reader = Corpus.reader

    /// A Postfix-shaped report whose returned original carries `attachment` bytes of base64.
    func report(attachment: Int) -> Data {
        var message = Data("""
            Delivered-To: bounces+b1g@gov.wales.example
            From: MAILER-DAEMON@mx.example
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example

            Final-Recipient: rfc822; big@reader.example
            Action: failed
            Status: 5.3.4

            --B
            Content-Type: message/rfc822

            Message-ID: <big@gov.wales.example>
            Content-Type: multipart/mixed; boundary="inner"

            --inner
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64


            """.utf8)
        // Base64 lines of 76 characters.
        var content = [UInt8](repeating: UInt8(ascii: "Q"), count: attachment)
        for end in stride(from: 76, to: attachment, by: 77) { content[end] = 10 }
        message.append(contentsOf: content)
        message.append(Data("\n--inner--\n\n--B--\n".utf8))
        return message
    }

    @Test("A 20 MB attachment in the returned original is crossed, not decoded: the report is read in moments")
    func largeAttachment() throws {
        let message = report(attachment: 20 << 20)
        let started = Date()
        let reading = reader.read(message)
        let elapsed = Date().timeIntervalSince(started)
        guard case let .returnedMail(mail) = reading else {
            Issue.record("set aside: \(reading)")
            return
        }
        #expect(mail.kind == .hardBounce)
        #expect(mail.recipients.first?.address == "big@reader.example")
        #expect(mail.original?.messageID == "<big@gov.wales.example>")
        #expect(mail.reference?.value == "b1g")
        // 16 ms on the project's machine in a debug build; the bound allows for a busy CI.
        #expect(elapsed < 2, "took \(elapsed) s")
    }

    @Test("A message past the limit is set aside saying how large it is; so are empty and headerless ones")
    func setAside() {
        let small = ReturnedMailReader(bounceAddress: Corpus.bounceAddress, limits: ReadingLimits(maximumMessageBytes: 1000))
        let reason = small.read(report(attachment: 2000))
        guard case let .setAside(.tooLarge(bytes, limit)) = reason else {
            Issue.record("not set aside as too large: \(reason)")
            return
        }
        #expect(bytes > 1000 && limit == 1000)
        if case .setAside(.empty) = reader.read(Data()) {} else { Issue.record("empty message not set aside") }
        let noBlankLine = Data(repeating: UInt8(ascii: "A"), count: 300 << 10)
        if case .setAside(.noHeader) = reader.read(noBlankLine) {} else { Issue.record("a header with no end was not set aside") }
        if case .setAside(.noHeader) = reader.read(Data([0, 1, 2, 255, 254, 10, 10, 65])) {} else { Issue.record("binary junk was not set aside") }
    }

    @Test("Ten thousand nested multiparts and a hundred thousand parts cost bounded work")
    func nesting() {
        var nested = ""
        for level in 0..<10_000 { nested += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n" }
        let started = Date()
        _ = reader.read(Data(("From: MAILER-DAEMON@x.example\n" + nested).utf8))
        let many = "Content-Type: multipart/mixed; boundary=\"p\"\n\n" + String(repeating: "--p\n\nx\n", count: 100_000) + "--p--\n"
        _ = reader.read(Data(many.utf8))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("A report cut short, with no closing boundary, is still read")
    func truncated() throws {
        let whole = try Corpus.data("postfix-hard")
        let cut = whole.prefix(upTo: try #require(whole.range(of: Data("Content-Description: Undelivered Message".utf8))).lowerBound)
        guard case let .returnedMail(mail) = reader.read(cut) else {
            Issue.record("set aside")
            return
        }
        #expect(mail.kind == .hardBounce)
        #expect(mail.recipients.first?.status?.description == "5.1.1")
    }

    @Test("Invalid UTF-8 in headers and bodies, and broken encodings, are read as far as they go")
    func brokenBytes() {
        var message = Data("From: MAILER-DAEMON@x.example\nSubject: Undelivered \u{FF}\n".utf8)
        message.append(contentsOf: [0x53, 0x75, 0x62, 0x6A, 0x3A, 0x20, 0xC3, 0x28, 0xFF, 10])
        message.append(Data("X-Failed-Recipients: gone@reader.example\nContent-Transfer-Encoding: base64\n\n!!!notbase64***=\n".utf8))
        guard case let .returnedMail(mail) = reader.read(message) else {
            Issue.record("set aside")
            return
        }
        #expect(mail.recipients.map(\.address) == ["gone@reader.example"])
        let qp = TransferEncoding.quotedPrintable.decode(Array("a=3Db=\nc=ZZ=4".utf8)[...])
        #expect(String(decoding: qp, as: UTF8.self) == "a=bc=ZZ=4")
        #expect(EncodedWords.decode("=?koi8-r?B?0NLJ18XU?= and =?utf-8?Q?caf=C3=A9?=") == "=?koi8-r?B?0NLJ18XU?= and café")
    }

    @Test("A prose bounce in a character set Beacon does not read is set aside naming it")
    func unknownCharset() {
        var message = Data("From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail\nContent-Type: text/plain; charset=koi8-r\n\n".utf8)
        message.append(contentsOf: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 10])
        guard case .setAside(.unreadableCharset("koi8-r")) = reader.read(message) else {
            Issue.record("not set aside for its character set")
            return
        }
    }

    @Test("A person writing to the bounce address is not returned mail")
    func person() {
        let message = Data("From: Cllr Eira Sampl <eira@cyngor.example>\nTo: bounces+abc@gov.wales.example\nSubject: Please stop\n\nThank you.\n".utf8)
        guard case let .setAside(reason) = reader.read(message) else {
            Issue.record("read as returned mail")
            return
        }
        #expect(reason == .notReturnedMail(subject: "Please stop"))
        #expect(reason.description.contains("read and answer it"))
    }

    @Test("A report that names its type but has no such part is set aside")
    func missingReportPart() {
        let message = Data("From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; report-type=feedback-report; boundary=q\n\n--q\nContent-Type: text/plain\n\nSpam.\n--q--\n".utf8)
        guard case .setAside(.malformedReport) = reader.read(message) else {
            Issue.record("not set aside")
            return
        }
    }
}
