import BeaconBounces
import BeaconTestSupport
import Foundation
import Testing

@Suite("A Maildir of returned mail: unseen messages read, handled ones renamed seen")
struct MaildirTests {
    func maildir() throws -> (folder: MaildirFolder, url: URL) {
        let url = try TemporaryFolder.make("maildir")
        for subfolder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(subfolder), withIntermediateDirectories: true)
        }
        return (try MaildirFolder(url), url)
    }

    func write(_ name: String, in subfolder: String, of url: URL, sample: String = "postfix-hard") throws {
        try Corpus.data(sample).write(to: url.appendingPathComponent(subfolder).appendingPathComponent(name))
    }

    @Test("New messages and unseen ones in cur/ are listed oldest first; seen ones and dot files are not")
    func listing() throws {
        let (folder, url) = try maildir()
        try write("1796116582.M2.mx", in: "new", of: url)
        try write("1796116581.M1.mx:2,", in: "cur", of: url)
        try write("1796116580.M0.mx:2,S", in: "cur", of: url)
        try write(".nfs0001", in: "new", of: url)
        let unseen = try folder.unseenMessages()
        #expect(unseen.map(\.fileName) == ["1796116581.M1.mx:2,", "1796116582.M2.mx"])
        let reading = Corpus.reader.read(try folder.read(unseen[0]))
        guard case let .returnedMail(mail) = reading else {
            Issue.record("set aside: \(reading)")
            return
        }
        #expect(mail.reference?.value == "d4217x9f3a01")
    }

    @Test("Marking seen renames into cur/ with S among the flags, once; a message a mail client renamed is still found")
    func markSeen() throws {
        let (folder, url) = try maildir()
        try write("1796116590.M5.mx", in: "new", of: url)
        try write("1796116591.M6.mx:2,RF", in: "cur", of: url)
        try write("1796116592.M7.mx", in: "new", of: url)
        let unseen = try folder.unseenMessages()
        try folder.markSeen(unseen[0])
        try folder.markSeen(unseen[1])
        try folder.markSeen(unseen[0])
        // A mail client marks the third replied while Beacon is reading it.
        try FileManager.default.moveItem(
            at: url.appendingPathComponent("new/1796116592.M7.mx"), to: url.appendingPathComponent("cur/1796116592.M7.mx:2,R"))
        #expect(try !folder.read(unseen[2]).isEmpty)
        try folder.markSeen(unseen[2])
        let current = try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("cur").path).sorted()
        #expect(current == ["1796116590.M5.mx:2,S", "1796116591.M6.mx:2,FRS", "1796116592.M7.mx:2,RS"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("new").path).isEmpty)
        #expect(try folder.unseenMessages().isEmpty)
    }

    @Test("Only one byte past the limit is read; a folder without new/, cur/ and tmp/ is refused")
    func limits() throws {
        let (folder, url) = try maildir()
        try write("1796116600.M9.mx", in: "new", of: url)
        let message = try #require(try folder.unseenMessages().first)
        #expect(try folder.read(message, limit: 100).count == 101)
        let plain = try TemporaryFolder.make("not-a-maildir")
        #expect(throws: MaildirError.notAMaildir(path: plain.path)) { try MaildirFolder(plain) }
        #expect(MaildirError.notAMaildir(path: plain.path).description.contains("new/, cur/ and tmp/"))
    }
}
