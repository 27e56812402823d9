/// What happened to one delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted: by the server (with its reply) or written (with where).
    case delivered(String)
    /// Not delivered yet, for a reason that may pass (a busy server); safe to try again.
    case deferred(String)
    /// Refused for good (an unknown mailbox); trying again will not help.
    case failed(String)
}
