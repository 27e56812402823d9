import Foundation

extension FeedbackReport {
    /// Reads a `message/feedback-report` part's fields (RFC 5965 §3.1). `Feedback-Type` is
    /// the one that must be there; the rest are read when present.
    init(_ text: String, original: MessageHeader?) throws(SetAsideReason) {
        let fields = MessageHeader(parsing: text)
        guard let type = fields["Feedback-Type"]?.split(whereSeparator: \.isWhitespace).first?.lowercased(), !type.isEmpty else {
            throw .malformedReport("its feedback report has no Feedback-Type")
        }
        var recipients = fields.values("Original-Rcpt-To").compactMap(TypedField.address)
        if recipients.isEmpty, let to = original?["To"] {
            recipients = AddressList.addresses(in: to)
        }
        self.init(
            feedbackType: type, userAgent: fields["User-Agent"], originalMailFrom: TypedField.address(fields["Original-Mail-From"]),
            originalRecipients: recipients, sourceIP: fields["Source-IP"], reportedDomain: fields["Reported-Domain"])
    }
}
