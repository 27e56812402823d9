/// A way of delivering digests: email, a feed file, a bulletin. Each channel lives in its own
/// module and depends only on the core; the `beacon` executable is the one place that lists
/// them. A digest definition names a channel by its `name`.
public protocol Channel: AnyObject {
    var name: ChannelName { get }
    /// Where deliveries go, for summaries: a server or a folder, never with credentials.
    var destination: String { get }

    /// Delivers each of `deliveries`, pulling them as it is ready (they are assembled lazily,
    /// so a large run is never all in memory) and calling `record` once per delivery, in
    /// whatever order they complete. Throws only when the channel as a whole cannot work (a
    /// dead server); a problem with one recipient is that recipient's outcome.
    func deliver(_ deliveries: some Sequence<Delivery>, record: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void) throws(ChannelFailure)
}

/// One reader's issue of one digest, ready for a channel to render and deliver.
public struct Delivery: Sendable {
    public let subscriber: Subscriber
    public let issue: AssembledDigest
    public let renderer: DigestRenderer

    public init(subscriber: Subscriber, issue: AssembledDigest, renderer: DigestRenderer) {
        self.subscriber = subscriber
        self.issue = issue
        self.renderer = renderer
    }

    public var digest: DigestDefinition { issue.definition }
}

/// What happened to one delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted: by the server (with its reply) or written (with where).
    case delivered(String)
    /// Not delivered yet, for a reason that may pass (a busy server); safe to try again.
    case deferred(String)
    /// Refused for good (an unknown mailbox); trying again will not help.
    case failed(String)
}

/// The channel cannot deliver anything: the operator must act before trying again.
public struct ChannelFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
