public import BeaconCore
/// Who an addressed message is for: a subscriber, or a network's mailing list. Kept apart by
/// type, so nothing that names one (an unsubscribe token, a suppression) can be read as the other.
public enum AddresseeID: Sendable, Hashable, CustomStringConvertible {
    case subscriber(SubscriberID)
    case mailingList(network: AudienceID)

    /// As the ledger and reports keep it: the subscriber's id, or `list:<network>`. The two
    /// cannot meet, since no id may contain `:` (`IDSpelling`).
    public var key: String {
        switch self {
        case .subscriber(let id): id.rawValue
        case .mailingList(let network): "list:\(network.rawValue)"
        }
    }

    public var description: String { key }
}
