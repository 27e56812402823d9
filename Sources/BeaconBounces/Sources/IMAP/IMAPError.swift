/// What went wrong reaching or using the bounce mailbox over IMAP, with what to do. Replies
/// quoted are the server's own; nothing Beacon sent (the password least of all) is in them.
public enum IMAPError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidServer(String)
    case credentialsInURL
    case noPassword
    case unreadablePasswordFile(String)
    case invalidFolderName(String)
    case cannotReach(server: String, detail: String)
    case startTLSNotOffered(server: String)
    case tlsFailed(server: String, detail: String)
    case loginRefused(server: String, reply: String)
    case timedOut(server: String)
    case noSuchFolder(folder: String, reply: String)
    case refused(command: String, reply: String)
    case failed(server: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidServer(url):
            return "the bounce mailbox must be a URL such as imaps://mail.example.org or imap://mail.example.org:143, with no folder, not \(url)"
        case .credentialsInURL:
            return "put the bounce mailbox's username in the settings and its password in \(IMAPAccount.passwordVariable) or \(IMAPAccount.passwordFileVariable), not in the URL"
        case .noPassword:
            return "set \(IMAPAccount.passwordVariable) or \(IMAPAccount.passwordFileVariable) to the bounce mailbox's password"
        case let .unreadablePasswordFile(file):
            return "\(IMAPAccount.passwordFileVariable) names a file that cannot be read: \(file)"
        case let .invalidFolderName(name):
            return "the folder name \"\(name)\" must be plain ASCII letters, digits, spaces and punctuation, with / between levels"
        case let .cannotReach(server, detail):
            return "cannot reach the IMAP server at \(server): \(detail); check the address and that the server is running"
        case let .startTLSNotOffered(server):
            return "the IMAP server at \(server) does not offer STARTTLS; use imaps:// instead"
        case let .tlsFailed(server, detail):
            return "TLS with the IMAP server at \(server) failed: \(detail); set the CA file if the server uses your own certificate authority"
        case let .loginRefused(server, reply):
            return "the IMAP server at \(server) refused the username or password (\(reply)); check the username in the settings and \(IMAPAccount.passwordVariable)"
        case let .timedOut(server):
            return "the IMAP server at \(server) did not answer in time; try again later"
        case let .noSuchFolder(folder, reply):
            return "the bounce mailbox has no folder \"\(folder)\" (\(reply)); check the folder's name in the settings"
        case let .refused(command, reply):
            return "the IMAP server refused to \(command) (\(reply)); the message stays where it is and is read again next time"
        case let .failed(server, detail):
            return "talking to the IMAP server at \(server) failed: \(detail); the messages stay where they are and are read again next time"
        }
    }
}
