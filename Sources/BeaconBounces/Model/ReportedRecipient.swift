public import Foundation

/// What a report says of one recipient: who, what happened (`Action`, `Status`), why in the
/// receiving server's words, and which server said so.
public struct ReportedRecipient: Sendable {
    /// `Final-Recipient`: the address the reporting server tried, without its `rfc822;` type.
    public let finalRecipient: String?
    /// `Original-Recipient`: the address as Beacon gave it, when the server kept it.
    public let originalRecipient: String?
    public let action: DeliveryAction?
    public let status: StatusCode?
    /// `Diagnostic-Code` without its type (`smtp;`), on one line: the receiving server's reply.
    public let diagnostic: String?
    /// `Remote-MTA`: the server that refused, without its `dns;` type.
    public let remoteMTA: String?
    public let lastAttempt: Date?

    public init(
        finalRecipient: String?, originalRecipient: String? = nil, action: DeliveryAction?, status: StatusCode?,
        diagnostic: String? = nil, remoteMTA: String? = nil, lastAttempt: Date? = nil
    ) {
        self.finalRecipient = finalRecipient
        self.originalRecipient = originalRecipient
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
        self.remoteMTA = remoteMTA
        self.lastAttempt = lastAttempt
    }

    /// The address to act on: as Beacon sent it when the server kept that, else as tried.
    public var address: String? { originalRecipient ?? finalRecipient }
}
