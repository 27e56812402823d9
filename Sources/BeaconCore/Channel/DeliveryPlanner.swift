/// Works out who gets which issue over which channel, lazily, one reader at a time.
public struct DeliveryPlanner: Sendable {
    private let configuration: Configuration
    private let assembler: DigestAssembler
    private let renderer: DigestRenderer

    public init(configuration: Configuration, renderer: DigestRenderer) {
        self.configuration = configuration
        self.assembler = DigestAssembler(configuration: configuration)
        self.renderer = renderer
    }

    /// Subscribers of `digest` who take it over `channel` and can be reached.
    public func recipients(of digest: DigestDefinition, over channel: ChannelName) -> [Subscriber] {
        guard digest.channels.contains(channel) else { return [] }
        return configuration.subscribers(of: digest).filter { subscriber in
            subscriber.isReachable && (subscriber.channels.isEmpty || subscriber.channels.contains(channel))
        }
    }

    /// Each recipient's issue, assembled only when the channel asks for it. Issues with
    /// nothing new are skipped unless the definition says to send them anyway.
    public func deliveries(of digest: DigestDefinition, over channel: ChannelName, on issueDate: CivilDate) -> some Sequence<Delivery> {
        recipients(of: digest, over: channel).lazy.compactMap { subscriber -> Delivery? in
            guard let audience = configuration.audience(subscriber.audience) else { return nil }
            let issue = assembler.assemble(digest, for: Reader(subscriber: subscriber, audience: audience), on: issueDate)
            guard !issue.isEmpty || digest.sendWhenEmpty else { return nil }
            return Delivery(subscriber: subscriber, issue: issue, renderer: renderer)
        }
    }
}
