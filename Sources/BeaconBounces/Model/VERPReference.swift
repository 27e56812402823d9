/// The delivery a returned message is about: `REF` in the envelope sender
/// `LOCAL+REF@domain` Beacon sent it with, as found, with where it was found. It is only
/// read here; whoever acts on it checks that Beacon made it.
public struct VERPReference: Hashable, Sendable, CustomStringConvertible {
    /// Where in a returned message a reference was found, most trustworthy first.
    public enum Source: String, Sendable {
        /// The envelope recipient the mail server delivered to (pipe's `${recipient}`).
        case envelopeRecipient
        /// `Delivered-To`, `X-Original-To` or `Envelope-To`, added by the receiving server.
        case deliveryHeader
        /// The report's `To`.
        case reportRecipient
        /// The returned original's envelope sender: its `Return-Path`, a DSN's
        /// `X-Postfix-Sender`, a feedback report's `Original-Mail-From`.
        case originalSender
        /// Anywhere else in the report's text, for a report that mangled its headers.
        case reportText
    }

    public let value: String
    public let source: Source

    public init(value: String, source: Source) {
        self.value = value
        self.source = source
    }

    public var description: String { value }
}
