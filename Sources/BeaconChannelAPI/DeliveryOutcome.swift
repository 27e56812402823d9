/// What happened to one delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted: by the server (with its reply) or written (with where).
    case delivered(String)
    /// Not delivered yet, for a reason that may pass (a busy server); safe to try again.
    case deferred(String)
    /// Refused for good (an unknown mailbox); trying again will not help.
    case failed(String)
}

extension DeliveryOutcome: CustomStringConvertible {
    /// `delivered: 250 2.0.0 Ok`, for messages and test failures.
    public var description: String {
        switch self {
        case .delivered(let detail): "delivered: \(detail)"
        case .deferred(let detail): "deferred: \(detail)"
        case .failed(let detail): "failed: \(detail)"
        }
    }
}
