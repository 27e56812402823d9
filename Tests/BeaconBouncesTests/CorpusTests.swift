@testable import BeaconBounces
import Foundation
import Testing

@Suite("Returned mail in the shapes real servers send")
struct CorpusTests {
    @Test("Postfix: a hard bounce with its recipient, status, diagnostic, servers, dates and original")
    func postfix() throws {
        let mail = try Corpus.returnedMail("postfix-hard")
        #expect(mail.kind == .hardBounce)
        #expect(mail.reference == VERPReference(value: "d4217x9f3a01", source: .deliveryHeader))
        let recipient = try #require(mail.recipients.first)
        #expect(mail.recipients.count == 1)
        #expect(recipient.finalRecipient == "eira.sampl@cyngor-enghraifft.example")
        #expect(recipient.originalRecipient == "eira.sampl@cyngor-enghraifft.example")
        #expect(recipient.action == .failed)
        #expect(recipient.status?.description == "5.1.1")
        #expect(recipient.diagnostic == "550 5.1.1 <eira.sampl@cyngor-enghraifft.example>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(recipient.remoteMTA == "mx.cyngor-enghraifft.example")
        #expect(mail.reportingMTA == "mx.gov.wales.example")
        #expect(mail.arrivalDate == Date(timeIntervalSince1970: 1_796_116_580))
        #expect(mail.reportDate == Date(timeIntervalSince1970: 1_796_116_581))
        #expect(mail.original?.messageID == "<portfolio-holders-monthly.2026-12-01.cllr-eira-sampl@gov.wales.example>")
        #expect(mail.original?.listID == "Portfolio holders' digest <portfolio-holders-monthly.gov.wales.example>")
        #expect(mail.original?.returnPath == "bounces+d4217x9f3a01@gov.wales.example")
    }

    @Test("Office 365: quoted-printable prose, a continued Diagnostic-Code, the original's headers alone")
    func office365() throws {
        let mail = try Corpus.returnedMail("office365-hard")
        #expect(mail.kind == .hardBounce)
        #expect(mail.reference == VERPReference(value: "k2m9q7r1s5", source: .reportRecipient))
        let recipient = try #require(mail.recipients.first)
        #expect(recipient.address == "ffion.enghraifft@bwrdd-iechyd-enghraifft.example")
        #expect(recipient.status == StatusCode(.permanentFailure, 1, 10))
        #expect(recipient.diagnostic == "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")
        #expect(mail.reportingMTA == "AM0PR01MB1234.eurprd01.prod.exchangelabs.example")
        #expect(mail.original?.messageID == "<directors-fortnightly.2026-12-01.ffion-enghraifft@gov.wales.example>")
        #expect(mail.original?.listID == "<directors-fortnightly.gov.wales.example>")
        #expect(mail.subject == "Undeliverable: Invest to Save: directors' digest")
    }

    @Test("Gmail: nested alternatives before the report, a Diagnostic-Code over five lines")
    func gmail() throws {
        let mail = try Corpus.returnedMail("gmail-hard")
        #expect(mail.kind == .hardBounce)
        #expect(mail.reference?.value == "p8v3w6x2y9")
        let recipient = try #require(mail.recipients.first)
        #expect(recipient.finalRecipient == "rhys.ffug@gmail.example")
        #expect(recipient.originalRecipient == nil)
        #expect(recipient.address == "rhys.ffug@gmail.example")
        #expect(recipient.status?.description == "5.1.1")
        #expect(recipient.diagnostic?.hasPrefix("550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking") == true)
        #expect(recipient.lastAttempt == Date(timeIntervalSince1970: 1_796_115_907))
        #expect(mail.arrivalDate == Date(timeIntervalSince1970: 1_796_115_906))
        #expect(mail.original?.messageID == "<directors-fortnightly.2026-12-01.rhys-ffug@gov.wales.example>")
    }

    @Test("Exim: a report with Action before Final-Recipient; the same bounce as prose only, for a full mailbox")
    func exim() throws {
        let report = try Corpus.returnedMail("exim-plain")
        #expect(report.kind == .hardBounce)
        #expect(report.reference == VERPReference(value: "e5x1m2p3l4", source: .deliveryHeader))
        #expect(report.recipients.map(\.address) == ["gwyn.dychmygol@cymdeithas-dai-enghraifft.example"])
        #expect(report.recipients.first?.status?.description == "5.0.0")

        let prose = try Corpus.returnedMail("exim-plain-text-only")
        #expect(prose.kind == .softBounce)
        #expect(prose.reference?.value == "t3xt0nly7")
        let recipient = try #require(prose.recipients.first)
        #expect(prose.recipients.count == 1)
        #expect(recipient.address == "morgan.ffugenw@prifysgol-enghraifft.example")
        #expect(recipient.status?.description == "5.2.2")
        #expect(recipient.diagnostic == "552 5.2.2 Mailbox full: morgan.ffugenw has exceeded storage allocation")
        #expect(recipient.failureKind == .softBounce)
        #expect(prose.reportingMTA == "smtp.prifysgol-enghraifft.example")
    }

    @Test("qmail: prose with the address on its own line and the server's reply below it")
    func qmail() throws {
        let mail = try Corpus.returnedMail("qmail-plain")
        #expect(mail.kind == .hardBounce)
        #expect(mail.reference?.value == "q9m4a1l2")
        #expect(mail.recipients.map(\.address) == ["dafydd.dychmygol@ymddiriedolaeth-enghraifft.example"])
        #expect(mail.recipients.first?.status?.description == "5.1.1")
        #expect(mail.recipients.first?.diagnostic == "Remote host said: 550 5.1.1 <dafydd.dychmygol@ymddiriedolaeth-enghraifft.example>... No such user Giving up on 192.0.2.60.")
        #expect(mail.reportDate == Date(timeIntervalSince1970: 1_796_118_017))
    }

    @Test("Yahoo: a feedback report is a complaint naming the delivery from Original-Mail-From")
    func yahooComplaint() throws {
        let mail = try Corpus.returnedMail("yahoo-arf")
        #expect(mail.kind == .complaint)
        // Delivered-To and To are the feedback loop's address; the original's sender names the delivery.
        #expect(mail.reference == VERPReference(value: "y4h00c0mp1", source: .originalSender))
        let feedback = try #require(mail.feedback)
        #expect(feedback.feedbackType == "abuse")
        #expect(feedback.userAgent == "Yahoo!-Mail-Feedback/2.0")
        #expect(feedback.originalMailFrom == "bounces+y4h00c0mp1@gov.wales.example")
        #expect(feedback.originalRecipients == ["cllr.ffugiol@yahoo.example"])
        #expect(feedback.sourceIP == "192.0.2.10")
        #expect(feedback.reportedDomain == "gov.wales.example")
        #expect(mail.arrivalDate == Date(timeIntervalSince1970: 1_796_115_603))
        #expect(mail.original?.listID == "Portfolio holders' digest <portfolio-holders-monthly.gov.wales.example>")
    }

    @Test("Out-of-office replies from Exchange and, in Welsh, from Gmail are automatic replies to ignore")
    func autoReplies() throws {
        let exchange = try Corpus.returnedMail("out-of-office-exchange")
        #expect(exchange.kind == .autoReply)
        #expect(exchange.kind.isIgnored)
        #expect(exchange.reference?.value == "00f1ce42")
        #expect(exchange.recipients.isEmpty)

        let welsh = try Corpus.returnedMail("vacation-welsh")
        #expect(welsh.kind == .autoReply)
        #expect(welsh.subject == "Ateb awtomatig: Allan o'r swyddfa")
        #expect(welsh.reference?.value == "w3lsh0ff1ce")
    }

    @Test("A delay report, greylisted, is a notice to ignore with its recipient kept")
    func delay() throws {
        let mail = try Corpus.returnedMail("delay-dsn")
        #expect(mail.kind == .deliveryNotice)
        #expect(mail.kind.isIgnored)
        #expect(mail.recipients.first?.action == .delayed)
        #expect(mail.recipients.first?.failureKind == nil)
        #expect(mail.reference?.value == "de1a7ed99")
        #expect(mail.original?.messageID == "<directors-fortnightly.2026-12-01.alun-ffugenw@gov.wales.example>")
    }

    @Test("ISO-8859-1 prose in quoted-printable, and a Windows-1252 report, are read")
    func otherCharsets() throws {
        let latin1 = try Corpus.returnedMail("latin1-plain")
        #expect(latin1.kind == .hardBounce)
        #expect(latin1.subject == "Unzustellbar: Invest to Save – Grüße")
        #expect(latin1.recipients.map(\.address) == ["jürgen.beispiel@stadtwerke-beispiel.example"])
        #expect(latin1.recipients.first?.diagnostic == "Grund: 550 5.1.1 Empfänger unbekannt (user unknown)")
        #expect(latin1.reference?.value == "l4t1n1b0unce")

        let windows = try Corpus.returnedMail("windows1252-dsn")
        #expect(windows.kind == .hardBounce)
        #expect(windows.recipients.first?.address == "amelie.exemple@mairie-exemple.example")
    }

    @Test("A report whose delivery status names no recipient is set aside, saying so")
    func malformed() throws {
        let reason = try #require(try Corpus.setAsideReason("malformed-dsn"))
        #expect(reason == .malformedReport("its delivery status names no recipient"))
        #expect(reason.description.contains("deal with it by hand"))
    }

    @Test("A gateway that lost every header still names the delivery from the original it quotes")
    func mangled() throws {
        let mail = try Corpus.returnedMail("mangled-appliance")
        #expect(mail.kind == .hardBounce)
        #expect(mail.reference == VERPReference(value: "m4ngl3d77", source: .reportText))
        #expect(mail.recipients.map(\.address) == ["tomos.dychmygol@cyngor-tref.example"])
        #expect(mail.recipients.first?.status?.description == "5.7.1")
    }

    @Test("Every sample reads the same with CRLF line endings, as IMAP delivers it")
    func crlf() throws {
        let names = ["postfix-hard", "office365-hard", "gmail-hard", "exim-plain", "exim-plain-text-only", "qmail-plain", "yahoo-arf",
                     "out-of-office-exchange", "vacation-welsh", "delay-dsn", "latin1-plain", "windows1252-dsn", "mangled-appliance"]
        for name in names {
            let bare = try Corpus.data(name)
            let crlf = Data(bare.split(separator: 10, omittingEmptySubsequences: false).map(Array.init).joined(separator: [13, 10]))
            guard case let .returnedMail(fromBare) = Corpus.reader.read(bare), case let .returnedMail(fromCRLF) = Corpus.reader.read(crlf) else {
                Issue.record("\(name) was set aside")
                continue
            }
            #expect(fromBare.kind == fromCRLF.kind, "\(name)")
            #expect(fromBare.reference == fromCRLF.reference, "\(name)")
            #expect(fromBare.recipients.map(\.address) == fromCRLF.recipients.map(\.address), "\(name)")
            #expect(fromBare.recipients.map(\.diagnostic) == fromCRLF.recipients.map(\.diagnostic), "\(name)")
            #expect(fromBare.original?.messageID == fromCRLF.original?.messageID, "\(name)")
        }
    }
}
