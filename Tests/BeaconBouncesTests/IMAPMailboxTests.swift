import BeaconBounces
import BeaconTestSupport
import Foundation
import Testing

@Suite("The bounce mailbox over IMAP through libcurl, against Dovecot", .serialized, .dovecot)
struct IMAPMailboxTests {
    let server: DovecotTestServer

    init() throws {
        server = try #require(DovecotTrait.server)
    }

    func account(_ url: String, password: String? = nil, caFile: Bool = true) throws -> IMAPAccount {
        try IMAPAccount(
            url: url, username: server.username, environment: [IMAPAccount.passwordVariable: password ?? server.password],
            caFile: caFile ? server.certificate.certificate : nil, connectTimeout: 5, timeout: 20)
    }

    /// A folder of its own per test, with the samples delivered to it.
    func folder(_ name: String, samples: [String]) throws -> String {
        for sample in samples { try server.deliver(try Corpus.data(sample), to: name) }
        return name
    }

    @Test("imaps://: unseen UIDs listed, each fetched whole without being marked seen, then marked seen once handled")
    func unseenThenSeen() throws {
        let folder = try folder("Unseen", samples: ["postfix-hard", "gmail-hard", "yahoo-arf"])
        let mailbox = try IMAPMailbox(account: account("imaps://localhost:\(server.imapsPort)"), folder: folder)
        let uids = try mailbox.uids(.unseen)
        #expect(uids == [1, 2, 3])
        var references: [String] = []
        for uid in uids {
            let data = try #require(try mailbox.fetch(uid: uid))
            if case let .returnedMail(mail) = Corpus.reader.read(data) { references.append(mail.reference?.value ?? "none") }
        }
        #expect(references == ["d4217x9f3a01", "p8v3w6x2y9", "y4h00c0mp1"])
        // Fetched but not yet handled: a run that stopped here would read them all again.
        #expect(try server.messages(in: folder).map(\.flags) == ["", "", ""])
        #expect(try mailbox.uids(.unseen) == [1, 2, 3])
        try mailbox.markSeen(uid: 1)
        try mailbox.markSeen(uid: 3)
        #expect(try mailbox.uids(.unseen) == [2])
        #expect(try mailbox.uids(.all) == [1, 2, 3])
        #expect(try server.messages(in: folder).map(\.flags) == ["\\Seen", "", "\\Seen"])
    }

    @Test("imap:// with STARTTLS: handled messages moved to Beacon/Handled, made the first time")
    func move() throws {
        let folder = try folder("Moving", samples: ["exim-plain", "qmail-plain"])
        let mailbox = try IMAPMailbox(account: account("imap://localhost:\(server.imapPort)"), folder: folder)
        #expect(try mailbox.uids(.all) == [1, 2])
        #expect(try mailbox.fetch(uid: 1) != nil)
        try mailbox.move(uid: 1, to: "Beacon/Handled")
        try mailbox.move(uid: 2, to: "Beacon/Handled")
        #expect(try mailbox.uids(.all) == [])
        #expect(try server.messages(in: "Beacon/Handled").count == 2)
        #expect(try mailbox.fetch(uid: 1) == nil)
    }

    @Test("A message is fetched up to one byte past the limit")
    func limit() throws {
        let folder = try folder("Limit", samples: ["postfix-hard"])
        let mailbox = try IMAPMailbox(account: account("imaps://localhost:\(server.imapsPort)"), folder: folder, limits: ReadingLimits(maximumMessageBytes: 500))
        #expect(try mailbox.fetch(uid: 1)?.count == 501)
    }

    @Test("A wrong password is refused with the server's reply, which shows no password")
    func refusedLogin() throws {
        #expect {
            _ = try IMAPMailbox(account: account("imaps://localhost:\(server.imapsPort)", password: "wrong horse"))
        } throws: { error in
            guard case let .loginRefused(_, reply) = error as? IMAPError else { return false }
            let secrets = ["wrong horse", Data("\0bounces\0wrong horse".utf8).base64EncodedString()]
            return !secrets.contains { reply.contains($0) || (error as! IMAPError).description.contains($0) }
        }
    }

    @Test("An untrusted certificate stops the connection; a missing folder is named")
    func failures() throws {
        #expect {
            _ = try IMAPMailbox(account: account("imaps://localhost:\(server.imapsPort)", caFile: false))
        } throws: { error in
            if case .tlsFailed = error as? IMAPError { return true }
            return false
        }
        #expect {
            _ = try IMAPMailbox(account: account("imaps://localhost:\(server.imapsPort)"), folder: "Nowhere")
        } throws: { error in
            if case .noSuchFolder("Nowhere", _) = error as? IMAPError { return true }
            return false
        }
    }

    @Test("STARTTLS is required except on loopback; the password comes from the environment and is never shown")
    func accountRules() throws {
        let remote = try IMAPAccount(url: "imap://mail.gov.wales.example", username: "bounces", environment: [IMAPAccount.passwordVariable: "s3cret"])
        #expect(remote.requireTLS)
        #expect(try !account("imap://127.0.0.1:\(server.imapPort)").requireTLS)
        #expect(!remote.description.contains("s3cret"))
        #expect(!String(reflecting: remote).contains("s3cret"))
        #expect(throws: IMAPError.noPassword) { try IMAPAccount(url: "imaps://mail.gov.wales.example", username: "bounces", environment: [:]) }
        #expect(throws: IMAPError.credentialsInURL) {
            try IMAPAccount(url: "imaps://bounces:s3cret@mail.gov.wales.example", username: "bounces", environment: [IMAPAccount.passwordVariable: "x"])
        }
        #expect(throws: IMAPError.invalidServer("https://mail.gov.wales.example")) {
            try IMAPAccount(url: "https://mail.gov.wales.example", username: "bounces", environment: [IMAPAccount.passwordVariable: "x"])
        }
    }
}
