extension ReportedRecipient {
    /// `.hardBounce` or `.softBounce` when delivery to this recipient failed; nil when the
    /// report says it was delayed, relayed or delivered. A full mailbox is soft even with a
    /// 5.x.x status (5.2.2), since the address still works once its owner makes room.
    public var failureKind: ReturnedMailKind? {
        guard action == .failed || action == nil else { return nil }
        let status = status ?? diagnostic.flatMap(StatusText.firstCode)
        guard let status, status.class != .success else {
            return action == .failed ? .hardBounce : nil
        }
        if status.class == .persistentTransientFailure || status.isMailboxFull { return .softBounce }
        if let diagnostic, TemporaryWords.mailboxFull(diagnostic) || TemporaryWords.greylisting(diagnostic) { return .softBounce }
        return .hardBounce
    }
}

extension ReturnedMailKind {
    /// The kind of a report on these recipients: hard if any failed for good, soft if any
    /// failed for now, otherwise a notice to ignore.
    init(recipients: [ReportedRecipient]) {
        let failures = recipients.compactMap(\.failureKind)
        self = failures.contains(.hardBounce) ? .hardBounce : failures.isEmpty ? .deliveryNotice : .softBounce
    }
}
