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

    /// Everyone and everything a channel of `reach` delivers `digest` to: subscribers and
    /// networks' mailing lists for channels that write to people, editions for the others.
    public func recipients(of digest: DigestDefinition, over channel: ChannelName, reach: ChannelReach) -> [Recipient] {
        guard digest.channels.contains(channel) else { return [] }
        switch reach {
        case .eachSubscriber:
            let lists = configuration.networkEditions(of: digest).compactMap { edition in
                edition.audience.listAddress.map { Recipient.mailingList(edition, address: $0) }
            }
            return recipients(of: digest, over: channel).map(Recipient.subscriber) + lists
        case .eachEdition: return configuration.editions(of: digest).map(Recipient.edition)
        case .eachNetwork: return configuration.networkEditions(of: digest).map(Recipient.edition)
        }
    }

    /// `items` ordered so that readers who get the same issue, in the same language, come one
    /// after another: each issue is then assembled and rendered once and kept only while its
    /// readers are served, however many readers there are.
    public func inSharingOrder<Item>(_ items: [Item], recipient: (Item) -> Recipient?) -> [Item] {
        Reader.sharingOrder(items.map { recipient($0).flatMap(reader(for:)) }).map { items[$0] }
    }

    /// Who the recipient reads as: a subscriber in their audience, or an edition.
    public func reader(for recipient: Recipient) -> Reader? {
        switch recipient {
        case .subscriber(let subscriber):
            configuration.audience(subscriber.audience).map { Reader(subscriber: subscriber, audience: $0) }
        case .edition(let edition), .mailingList(let edition, _):
            Reader(edition: edition)
        }
    }

    /// The recipient's issue covering `window`; nil when it has nothing new for them and the
    /// definition does not ask for empty issues.
    public func delivery(to recipient: Recipient, of digest: DigestDefinition, covering window: DateWindow) -> Delivery? {
        guard let reader = reader(for: recipient) else { return nil }
        let issue = assembler.assemble(digest, for: reader, covering: window)
        guard !issue.isEmpty || digest.sendWhenEmpty else { return nil }
        return Delivery(recipient: recipient, issue: issue, renderer: renderer)
    }

    /// Each recipient's issue dated `issueDate` with the window the frequency gives, assembled
    /// only when the channel asks for it: for channels' own tests and previews.
    public func deliveries(
        of digest: DigestDefinition, over channel: ChannelName, reach: ChannelReach, on issueDate: CivilDate
    ) -> some Sequence<Delivery> {
        recipients(of: digest, over: channel, reach: reach).lazy.compactMap { recipient -> Delivery? in
            guard let reader = reader(for: recipient) else { return nil }
            return delivery(to: recipient, of: digest, covering: digest.window(endingOn: issueDate, for: reader))
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
