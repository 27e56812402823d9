/// A way of delivering digests: email, a feed file, a bulletin. Each channel lives in its own
/// module and depends only on the core; the `beacon` executable is the one place that lists
/// them. A digest definition names a channel by its `name`.
public protocol Channel: AnyObject {
    var name: ChannelName { get }
    /// Whether the channel writes to each subscriber (email) or publishes an edition per
    /// audience, sector or network and language (feeds, bulletins).
    var reach: ChannelReach { get }
    /// Where deliveries go, for summaries: a server or a folder, never with credentials.
    var destination: String { get }

    /// Delivers each of `deliveries`, pulling them as it is ready (they are assembled lazily,
    /// so a large run is never all in memory), asking `log.mayHandOver` before handing each
    /// over and calling `log.record` once per delivery, in whatever order they complete, before
    /// handing over the next on the same connection. Throws only when the channel as a whole
    /// cannot work (a dead server); a problem with one recipient is that recipient's outcome.
    /// Deliveries not recorded when it throws stay pending in the ledger for the next run.
    func deliver(_ deliveries: some Sequence<Delivery>, log: any DeliveryLog) throws(ChannelFailure)
}

public enum ChannelReach: Sendable {
    case eachSubscriber
    /// Every audience (or sector) in Welsh, English and both.
    case eachEdition
    /// Every network the digest is for, in one bilingual edition: meeting bulletins.
    case eachNetwork
}

/// One issue of one digest for one recipient, ready for a channel to render and deliver.
public struct Delivery: Sendable {
    public let recipient: Recipient
    public let issue: AssembledDigest
    public let renderer: DigestRenderer

    public init(recipient: Recipient, issue: AssembledDigest, renderer: DigestRenderer) {
        self.recipient = recipient
        self.issue = issue
        self.renderer = renderer
    }

    public var digest: DigestDefinition { issue.definition }

    /// The subscriber, for channels that write to people.
    public var subscriber: Subscriber? {
        if case .subscriber(let subscriber) = recipient { subscriber } else { nil }
    }

    /// Who a message goes to, for channels that write to addresses: a subscriber, or a
    /// network's mailing list; nil for shared editions.
    public var addressee: Addressee? {
        switch recipient {
        case .subscriber(let subscriber):
            Addressee(id: .subscriber(subscriber.id), name: subscriber.name, email: subscriber.email, language: subscriber.language)
        case .mailingList(let edition, let address):
            Addressee(id: .mailingList(network: edition.audience.id), name: edition.audience.name.welsh.map { "\($0) / \(edition.audience.name.english)" } ?? edition.audience.name.english, email: address, language: .both)
        case .edition:
            nil
        }
    }
}

/// A person or list a message is addressed to.
public struct Addressee: Sendable, Hashable {
    public let id: AddresseeID
    public let name: String
    public let email: String
    public let language: LanguagePreference
}

/// Who a delivery is for.
public enum Recipient: Sendable {
    case subscriber(Subscriber)
    case edition(Edition)
    /// A network's own mailing list (`list_address`), sent the network's bilingual edition.
    case mailingList(Edition, address: String)

    /// The address a delivery went to, if it is a person's.
    public var email: String {
        switch self {
        case .subscriber(let subscriber): subscriber.email
        case .mailingList(_, let address): address
        case .edition: ""
        }
    }

    /// Stable across runs, so the ledger can find the recipient again: the subscriber's id,
    /// the edition's key, or `list:<network>`.
    public var key: String {
        switch self {
        case .subscriber(let subscriber): subscriber.id.rawValue
        case .edition(let edition): edition.key
        case .mailingList(let edition, _): AddresseeID.mailingList(network: edition.audience.id).key
        }
    }

    /// For reports: the subscriber's id and address, or the edition's key.
    public var label: String {
        switch self {
        case .subscriber(let subscriber): "\(subscriber.id) <\(subscriber.email)>"
        case .edition(let edition): edition.key
        case .mailingList(let edition, let address): "\(edition.audience.id) list <\(address)>"
        }
    }
}

/// A shared edition of a digest: one audience (or one sector of it, or one network) in one
/// language choice. It carries no personal data.
public struct Edition: Sendable, Hashable {
    public let audience: Audience
    public let sector: Sector?
    public let language: LanguagePreference

    /// Stable and readable, for file names: `directors.health.cy`, `directors-of-finance-network.both`.
    public var key: String {
        [audience.id.rawValue, sector?.rawValue, language.rawValue].compactMap { $0 }.joined(separator: ".")
    }

    /// `Directors — Health`, in both languages.
    public var title: LocalizedText {
        guard let sector else { return audience.name }
        return LocalizedText(
            english: "\(audience.name.english) — \(sector.label.english)",
            welsh: audience.name.welsh.map { "\($0) — \(sector.label.welsh ?? sector.label.english)" })
    }
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
