public import BeaconCore

/// Who a delivery is for.
public enum Recipient: Sendable {
    case subscriber(Subscriber)
    case edition(Edition)
    /// A network's own mailing list (`list_address`), sent the network's bilingual edition.
    case mailingList(Edition, address: String)

    /// The address a delivery went to, if it is a person's or a list's.
    public var email: String {
        switch self {
        case .subscriber(let subscriber): subscriber.email
        case .mailingList(_, let address): address
        case .edition: ""
        }
    }

    /// Stable across runs, so the ledger can find the recipient again.
    public var key: RecipientKey {
        switch self {
        case .subscriber(let subscriber): RecipientKey(AddresseeID.subscriber(subscriber.id).key)
        case .edition(let edition): RecipientKey(edition.key)
        case .mailingList(let edition, _): RecipientKey(AddresseeID.mailingList(network: edition.audience.id).key)
        }
    }

    /// Who a message goes to: a subscriber, or a network's mailing list; nil for shared editions.
    public var addressee: Addressee? {
        switch self {
        case .subscriber(let subscriber):
            Addressee(id: .subscriber(subscriber.id), name: subscriber.name, email: subscriber.email, language: subscriber.language)
        case .mailingList(let edition, let address):
            Addressee(
                id: .mailingList(network: edition.audience.id),
                name: edition.audience.name.welsh.map { "\($0) / \(edition.audience.name.english)" } ?? edition.audience.name.english,
                email: address, language: .both)
        case .edition:
            nil
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

/// How the ledger names a recipient: a subscriber's id, an edition's key
/// (`directors.health.cy`) or `list:<network>`. Ids contain neither `.` nor `:`, so the three
/// never meet.
public typealias RecipientKey = Identifier<Recipient>
