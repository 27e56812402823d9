public import BeaconCore

/// One issue of one digest for one recipient, ready for a channel to render and deliver.
public struct Delivery: Sendable {
    public let recipient: Recipient
    public let issue: AssembledDigest
    public let renderer: DigestRenderer
    /// The sender's own mark for this delivery, handed back with its outcome; channels pass
    /// it on untouched.
    public let reference: Int

    public init(recipient: Recipient, issue: AssembledDigest, renderer: DigestRenderer, reference: Int = 0) {
        self.recipient = recipient
        self.issue = issue
        self.renderer = renderer
        self.reference = reference
    }

    public var digest: DigestDefinition { issue.definition }

    /// The subscriber, for channels that write to people.
    public var subscriber: Subscriber? {
        if case .subscriber(let subscriber) = recipient { subscriber } else { nil }
    }

    /// Who a message goes to, for channels that write to addresses: a subscriber, or a
    /// network's mailing list; nil for shared editions.
    public var addressee: Addressee? { recipient.addressee }
}
