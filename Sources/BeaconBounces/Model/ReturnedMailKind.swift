/// What a returned message is, for whoever decides what to suppress.
public enum ReturnedMailKind: String, Sendable {
    /// A permanent failure (5.x.x) for a recipient: the address does not work.
    case hardBounce
    /// A failure that may pass: 4.x.x given up on, a full mailbox, greylisting.
    case softBounce
    /// A recipient reported the message as spam (an RFC 5965 feedback report).
    case complaint
    /// An out-of-office or other automatic reply (RFC 3834): to be ignored.
    case autoReply
    /// A report that mail was delayed, relayed or delivered: to be ignored.
    case deliveryNotice

    /// Whether nothing needs to be done about it.
    public var isIgnored: Bool { self == .autoReply || self == .deliveryNotice }
}
