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

    /// Networks' mailing lists, which take the network's bilingual edition by email.
    private func mailingLists(of digest: DigestDefinition, over channel: ChannelName) -> [Recipient] {
        guard digest.channels.contains(channel) else { return [] }
        return configuration.networkEditions(of: digest).compactMap { edition in
            edition.audience.listAddress.map { Recipient.mailingList(edition, address: $0) }
        }
    }

    /// Each recipient's issue, assembled only when the channel asks for it. Issues with
    /// nothing new are skipped unless the definition says to send them anyway.
    public func deliveries(
        of digest: DigestDefinition, over channel: ChannelName, reach: ChannelReach, on issueDate: CivilDate
    ) -> some Sequence<Delivery> {
        let recipients: [Recipient] = switch reach {
        case .eachSubscriber:
            recipients(of: digest, over: channel).map(Recipient.subscriber) + mailingLists(of: digest, over: channel)
        case .eachEdition: digest.channels.contains(channel) ? configuration.editions(of: digest).map(Recipient.edition) : []
        case .eachNetwork: digest.channels.contains(channel) ? configuration.networkEditions(of: digest).map(Recipient.edition) : []
        }
        return recipients.lazy.compactMap { recipient -> Delivery? in
            let reader: Reader
            switch recipient {
            case .subscriber(let subscriber):
                guard let audience = configuration.audience(subscriber.audience) else { return nil }
                reader = Reader(subscriber: subscriber, audience: audience)
            case .edition(let edition), .mailingList(let edition, _):
                reader = Reader(edition: edition)
            }
            let issue = assembler.assemble(digest, for: reader, on: issueDate)
            guard !issue.isEmpty || digest.sendWhenEmpty else { return nil }
            return Delivery(recipient: recipient, issue: issue, renderer: renderer)
        }
    }
}

extension Configuration {
    /// The shared editions of `digest`: per network, per sector where the digest is split by
    /// sector (the sectors its readers are in), or per audience; each in Welsh, English and both.
    public func editions(of digest: DigestDefinition) -> [Edition] {
        digest.audiences.compactMap(audience).flatMap { audience -> [Edition] in
            let sectors: [Sector?] = audience.kind != .network && digest.split == .sector
                ? Set(subscribers.filter { $0.audience == audience.id }.map(\.organisation.sector)).sorted()
                : [nil]
            return sectors.flatMap { sector in
                LanguagePreference.allCases.map { Edition(audience: audience, sector: sector, language: $0) }
            }
        }
    }

    /// One bilingual edition per network the digest is written for.
    public func networkEditions(of digest: DigestDefinition) -> [Edition] {
        digest.audiences.compactMap(audience).filter { $0.kind == .network }.map { Edition(audience: $0, sector: nil, language: .both) }
    }
}
