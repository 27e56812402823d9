/// Where one delivery of one issue stands.
public enum DeliveryState: String, CaseIterable, Sendable {
    /// Written when the issue was created; not yet tried, or tried by a run that stopped.
    case pending
    case sent
    /// Refused for a reason that may pass; tried again after `nextAttemptAt`.
    case deferred
    /// Refused for good, or still refused after the last retry.
    case failed
    /// Deliberately not sent: nothing new for this reader, unsubscribed, or not due their copy.
    case skipped
}
