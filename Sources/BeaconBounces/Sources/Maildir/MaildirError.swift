/// What went wrong with a Maildir folder, in words that say what to check.
public enum MaildirError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAMaildir(path: String)
    case cannotList(path: String, reason: String)
    case cannotRead(message: String, reason: String)
    case cannotMarkSeen(message: String, reason: String)

    public var description: String {
        switch self {
        case let .notAMaildir(path):
            return "\(path) is not a Maildir folder: it needs new/, cur/ and tmp/ inside; check the bounce mailbox's path in the settings"
        case let .cannotList(path, reason):
            return "cannot list the messages in \(path) (\(reason)); check that Beacon's user may read that folder"
        case let .cannotRead(message, reason):
            return "cannot read the returned message \(message) (\(reason)); check that Beacon's user may read the Maildir's files"
        case let .cannotMarkSeen(message, reason):
            return "cannot mark \(message) as seen (\(reason)); check that Beacon's user may rename files in the Maildir's new/ and cur/; it will be read again next time"
        }
    }
}
