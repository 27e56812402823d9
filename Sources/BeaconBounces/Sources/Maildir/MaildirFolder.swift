public import Foundation

/// A Maildir (`new/`, `cur/`, `tmp/`) the mail server delivers returned mail into. Unseen
/// messages are read; a handled one is marked seen by renaming it into `cur/` with the `S`
/// flag, which is atomic: a message is either unseen, and read again next time, or seen.
public struct MaildirFolder: Sendable {
    public let url: URL

    public init(_ url: URL) throws(MaildirError) {
        self.url = url
        for subfolder in ["new", "cur", "tmp"] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(subfolder).path, isDirectory: &isFolder), isFolder.boolValue else {
                throw .notAMaildir(path: url.path)
            }
        }
    }

    /// Every message in `new/`, and those in `cur/` without the seen flag, oldest first (a
    /// Maildir name starts with its delivery time). Files starting with a dot are not messages.
    public func unseenMessages() throws(MaildirError) -> [MaildirMessage] {
        let fresh = try names(in: .new).map { MaildirMessage(subfolder: .new, fileName: $0) }
        let current = try names(in: .cur).map { MaildirMessage(subfolder: .cur, fileName: $0) }.filter { !$0.isSeen }
        return (fresh + current).sorted { ($0.uniqueName, $0.fileName) < ($1.uniqueName, $1.fileName) }
    }

    /// The message's bytes, at most `limit + 1` of them, so one past the limit shows it is
    /// too large without loading it all. A message a mail client has since renamed (marked
    /// read, flagged) is found by its unique name.
    public func read(_ message: MaildirMessage, limit: Int = ReadingLimits.standard.maximumMessageBytes) throws(MaildirError) -> Data {
        let file = locate(message) ?? file(message)
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            return try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .cannotRead(message: message.description, reason: Self.reason(error))
        }
    }

    /// Marks a handled message seen: `new/NAME` or `cur/NAME:2,FLAGS` becomes
    /// `cur/NAME:2,FLAGS` with `S`, in one rename. Already seen is fine.
    public func markSeen(_ message: MaildirMessage) throws(MaildirError) {
        guard let current = locate(message) else {
            throw .cannotMarkSeen(message: message.description, reason: "it is no longer in the folder")
        }
        let found = MaildirMessage(subfolder: current.deletingLastPathComponent().lastPathComponent == "new" ? .new : .cur, fileName: current.lastPathComponent)
        if found.subfolder == .cur && found.isSeen { return }
        let target = url.appendingPathComponent("cur").appendingPathComponent(found.seenFileName)
        guard rename(current.path, target.path) == 0 else {
            throw .cannotMarkSeen(message: message.description, reason: String(cString: strerror(errno)))
        }
    }

    private func file(_ message: MaildirMessage) -> URL {
        url.appendingPathComponent(message.subfolder.rawValue).appendingPathComponent(message.fileName)
    }

    /// Where the message is now: its own file, or a file in `cur/` with the same unique name.
    private func locate(_ message: MaildirMessage) -> URL? {
        if FileManager.default.fileExists(atPath: file(message).path) { return file(message) }
        let renamed = (try? names(in: .cur))?.first { MaildirMessage(subfolder: .cur, fileName: $0).uniqueName == message.uniqueName }
        return renamed.map { url.appendingPathComponent("cur").appendingPathComponent($0) }
    }

    private func names(in subfolder: MaildirMessage.Subfolder) throws(MaildirError) -> [String] {
        let path = url.appendingPathComponent(subfolder.rawValue).path
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }
        } catch {
            throw .cannotList(path: path, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
