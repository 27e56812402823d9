/// Who a digest is assembled for: one subscriber, or a network as a whole (its bulletin).
/// Network members read their network's digest in their own language.
public struct Reader: Sendable {
    public let id: String
    public let name: String
    public let audience: Audience
    /// The reader's own organisation; nil for a network.
    public let organisation: Organisation?
    public let interests: Set<ThemeID>
    public let language: LanguagePreference
    public let frequency: Frequency?
    /// For a sector's edition of a digest: the sector it is written for.
    public let sector: Sector?

    /// The network whose actions and scope apply, if the audience is one.
    public var network: Audience? { audience.kind == .network ? audience : nil }

    /// Sectors this reader belongs to or, for a network, looks after.
    public var sectors: Set<Sector> {
        if let organisation { return [organisation.sector] }
        if let sector { return [sector] }
        return Set(audience.sectors)
    }

    /// The same reader under another name: for renderings shared by readers alike.
    func named(_ name: String) -> Reader {
        Reader(id: id, name: name, audience: audience, organisation: organisation, interests: interests, language: language,
               frequency: frequency, sector: sector)
    }

    private init(
        id: String, name: String, audience: Audience, organisation: Organisation?, interests: Set<ThemeID>,
        language: LanguagePreference, frequency: Frequency?, sector: Sector?
    ) {
        self.id = id
        self.name = name
        self.audience = audience
        self.organisation = organisation
        self.interests = interests
        self.language = language
        self.frequency = frequency
        self.sector = sector
    }

    public init(subscriber: Subscriber, audience: Audience) {
        self.id = subscriber.id.rawValue
        self.name = subscriber.name
        self.audience = audience
        self.organisation = subscriber.organisation
        self.interests = Set(subscriber.interests)
        self.language = subscriber.language
        self.frequency = subscriber.frequency
        self.sector = nil
    }

    /// A shared edition (a feed): nobody's organisation or interests, only the audience, its
    /// sector if split by sector, and the language.
    public init(edition: Edition) {
        self.id = edition.key
        self.name = edition.title.english
        self.audience = edition.audience
        self.organisation = nil
        self.interests = Set(edition.audience.themes)
        self.language = edition.language
        self.frequency = nil
        self.sector = edition.sector
    }

    /// A network's own edition: both languages, nobody's organisation.
    public init(network: Audience) {
        self.id = network.id.rawValue
        self.name = network.name.english
        self.audience = network
        self.organisation = nil
        self.interests = Set(network.themes)
        self.language = .both
        self.frequency = nil
        self.sector = nil
    }
}

public enum ReaderLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownReader(String, digest: DigestID)
    case notInDigestAudience(String, digest: DigestID)

    public var description: String {
        switch self {
        case .unknownReader(let id, let digest):
            "\"\(id)\" is neither a subscriber nor a network audience; \(digest) is read by the subscribers listed by `beacon check`"
        case .notInDigestAudience(let id, let digest):
            "\"\(id)\" is not in an audience that \(digest) is written for"
        }
    }
}

extension Configuration {
    /// The reader `id` names for `digest`: a subscriber in one of its audiences, or one of its networks.
    public func reader(_ id: String, for digest: DigestDefinition) throws(ReaderLookupError) -> Reader {
        if let subscriber = subscriber(SubscriberID(id)), let audience = audience(subscriber.audience) {
            guard digest.audiences.contains(audience.id) else { throw .notInDigestAudience(id, digest: digest.id) }
            return Reader(subscriber: subscriber, audience: audience)
        }
        if let network = audience(AudienceID(id)), network.kind == .network {
            guard digest.audiences.contains(network.id) else { throw .notInDigestAudience(id, digest: digest.id) }
            return Reader(network: network)
        }
        throw .unknownReader(id, digest: digest.id)
    }
}
