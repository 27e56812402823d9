public import Foundation

/// An RFC 5965 feedback report (ARF): a mailbox provider telling the sender that a recipient
/// marked the message as spam, or something else it thinks the sender should know.
public struct FeedbackReport: Sendable {
    /// `Feedback-Type`, in lower case: `abuse`, `fraud`, `virus`, `other`, `not-spam`,
    /// `auth-failure`, or whatever a provider writes.
    public let feedbackType: String
    /// `User-Agent`: the provider's reporting software (`Yahoo!-Mail-Feedback/2.0`).
    public let userAgent: String?
    /// `Original-Mail-From`: the envelope sender of the reported message.
    public let originalMailFrom: String?
    /// `Original-Rcpt-To`, or the reported message's `To` when the provider gave none: the
    /// reader who complained, when the provider did not redact it.
    public let originalRecipients: [String]
    /// `Source-IP` of the reported message.
    public let sourceIP: String?
    /// `Reported-Domain`.
    public let reportedDomain: String?

    public init(
        feedbackType: String, userAgent: String?, originalMailFrom: String?, originalRecipients: [String], sourceIP: String?, reportedDomain: String?
    ) {
        self.feedbackType = feedbackType
        self.userAgent = userAgent
        self.originalMailFrom = originalMailFrom
        self.originalRecipients = originalRecipients
        self.sourceIP = sourceIP
        self.reportedDomain = reportedDomain
    }
}
