public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// What a reader's signed link lets its holder do, and nothing more: `<payload>.<signature>`,
/// both base64url, the signature an HMAC-SHA256 cut to 128 bits (forgery out of reach, links
/// short). Unsubscribe links keep the payload they have always had (`digest`, the kind of
/// reader, its id); the others start with a kind ending in `:`, which no id may contain, so no
/// payload of one kind can be read as another.
public enum ReaderLink: Sendable, Hashable {
    /// Stop, or change the choices for, one digest: `/u/TOKEN`, `/p/TOKEN`, the mailto subject.
    case unsubscribe(reader: AddresseeID, digest: DigestID)
    /// The web copy of one reader's issue: `/w/TOKEN`.
    case webCopy(reader: AddresseeID, digest: DigestID, issueDate: CivilDate)
    /// Confirm a sign-up: `/c/TOKEN`.
    case confirmSignUp(id: String)

    public func signed(with keys: LinkKeys) -> String {
        let payload = Data(fields.joined(separator: "\n").utf8)
        return keys.sign(payload)
    }

    /// What a genuine token says; nil for a forged, altered or cut one, or one signed by a key
    /// no longer listed.
    public static func verify(_ token: String, with keys: LinkKeys) -> ReaderLink? {
        guard let payload = keys.verifiedPayload(token) else { return nil }
        return read(String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    private var fields: [String] {
        switch self {
        case .unsubscribe(let reader, let digest): [digest.rawValue] + Self.fields(of: reader)
        case .webCopy(let reader, let digest, let date): ["copy:", digest.rawValue] + Self.fields(of: reader) + [date.description]
        case .confirmSignUp(let id): ["confirm:", id]
        }
    }

    private static func fields(of reader: AddresseeID) -> [String] {
        switch reader {
        case .subscriber(let id): ["subscriber", id.rawValue]
        case .mailingList(let network): ["list", network.rawValue]
        }
    }

    private static func read(_ fields: [String]) -> ReaderLink? {
        switch fields.first {
        case "copy:":
            guard fields.count == 5, let reader = reader(fields[2], fields[3]), let date = CivilDate(parsing: fields[4]) else { return nil }
            return .webCopy(reader: reader, digest: DigestID(fields[1]), issueDate: date)
        case "confirm:":
            return fields.count == 2 ? .confirmSignUp(id: fields[1]) : nil
        case let first? where !first.contains(":"):
            switch fields.count {
            case 3: return reader(fields[1], fields[2]).map { .unsubscribe(reader: $0, digest: DigestID(first)) }
            // Tokens sent before the kind was named carry the ledger's key, where a list was
            // `list:<network>`; they still mean what they meant when they were sent.
            case 2: return .unsubscribe(reader: earlierReader(fields[1]), digest: DigestID(first))
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func reader(_ kind: String, _ id: String) -> AddresseeID? {
        switch kind {
        case "subscriber": .subscriber(SubscriberID(id))
        case "list": .mailingList(network: AudienceID(id))
        default: nil
        }
    }

    private static func earlierReader(_ key: String) -> AddresseeID {
        key.hasPrefix("list:") ? .mailingList(network: AudienceID(String(key.dropFirst(5)))) : .subscriber(SubscriberID(key))
    }
}
