/// Why a message was not read as returned mail. It is kept for a person to look at, never
/// deleted, and each reason says what to do.
public enum SetAsideReason: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// Larger than Beacon reads.
    case tooLarge(bytes: Int, limit: Int)
    /// No header block where a message starts.
    case noHeader
    /// A delivery or feedback report whose machine-readable part is missing or damaged.
    case malformedReport(String)
    /// A plain-text bounce written in a character set Beacon does not read.
    case unreadableCharset(String)
    /// Neither a bounce, a complaint nor an automatic reply: perhaps a person writing to the
    /// bounce address.
    case notReturnedMail(subject: String?)

    public var description: String {
        switch self {
        case .empty:
            return "the message is empty; nothing to read"
        case let .tooLarge(bytes, limit):
            return "the message is \(bytes) bytes, more than the \(limit) Beacon reads; open it in a mail client and deal with it by hand"
        case .noHeader:
            return "the message has no header block, so it is not an email Beacon can read; open it to see what it is"
        case let .malformedReport(detail):
            return "the report is damaged (\(detail)); open it to see which address it is about and deal with it by hand"
        case let .unreadableCharset(name):
            return "the bounce is written in the character set \(name), which Beacon does not read; open it to see which address it is about"
        case let .notReturnedMail(subject):
            let about = subject.map { " (subject: \($0))" } ?? ""
            return "the message\(about) is not a bounce, complaint or automatic reply; it may be a reader writing to the bounce address, so read and answer it"
        }
    }
}
