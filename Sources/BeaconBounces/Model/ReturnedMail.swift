public import Foundation

/// The facts in one returned message: a bounce, a complaint, an automatic reply or a delivery
/// notice, with the delivery it names and the recipients it reports.
public struct ReturnedMail: Sendable {
    public let kind: ReturnedMailKind
    /// The delivery it is about, found from Beacon's VERP envelope sender; nil when no trace
    /// of it survived.
    public let reference: VERPReference?
    /// Each recipient reported on: failed ones for a bounce, every one a DSN names.
    public let recipients: [ReportedRecipient]
    /// The server that wrote the report (`Reporting-MTA`, or the host in the report's
    /// `Message-ID` for plain bounces).
    public let reportingMTA: String?
    /// When the reporting server received the original (`Arrival-Date`).
    public let arrivalDate: Date?
    /// When the report was written (its `Date`).
    public let reportDate: Date?
    public let original: OriginalMessage?
    /// The report's own `Message-ID`, to tell one report from another.
    public let messageID: String?
    public let subject: String?
    /// For a complaint, the feedback report.
    public let feedback: FeedbackReport?

    public init(
        kind: ReturnedMailKind, reference: VERPReference?, recipients: [ReportedRecipient], reportingMTA: String?, arrivalDate: Date?,
        reportDate: Date?, original: OriginalMessage?, messageID: String?, subject: String?, feedback: FeedbackReport?
    ) {
        self.kind = kind
        self.reference = reference
        self.recipients = recipients
        self.reportingMTA = reportingMTA
        self.arrivalDate = arrivalDate
        self.reportDate = reportDate
        self.original = original
        self.messageID = messageID
        self.subject = subject
        self.feedback = feedback
    }
}
