public import BeaconChannelAPI
public import BeaconCore
import Crypto
public import Foundation

/// A token naming a reader — a subscriber or a network's mailing list — and a digest, signed
/// so that nobody can unsubscribe someone else by guessing: `<payload>.<signature>`, both
/// base64url. The payload is `digest`, the kind of reader and its id, one per line.
public struct UnsubscribeToken: Sendable, Equatable {
    public let reader: AddresseeID
    public let digest: DigestID

    public init(reader: AddresseeID, digest: DigestID) {
        self.reader = reader
        self.digest = digest
    }

    public func signed(with secret: SymmetricSecret) -> String {
        let kindAndID = switch reader {
        case .subscriber(let id): "subscriber\n\(id.rawValue)"
        case .mailingList(let network): "list\n\(network.rawValue)"
        }
        let payload = Data("\(digest.rawValue)\n\(kindAndID)".utf8)
        return Self.base64url(payload) + "." + Self.base64url(Self.signature(of: payload, secret))
    }

    /// The token's reader and digest if its signature is genuine, else nil.
    public static func verify(_ token: String, with secret: SymmetricSecret) -> UnsubscribeToken? {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let payload = data(base64url: parts[0]), let signature = data(base64url: parts[1]) else { return nil }
        let expected = Self.signature(of: payload, secret)
        // Compared in constant time, so timing cannot reveal how much of a forgery was right.
        guard signature.count == expected.count, zip(signature, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let digest = DigestID(fields[0])
        switch fields.count {
        case 3 where fields[1] == "subscriber": return UnsubscribeToken(reader: .subscriber(SubscriberID(fields[2])), digest: digest)
        case 3 where fields[1] == "list": return UnsubscribeToken(reader: .mailingList(network: AudienceID(fields[2])), digest: digest)
        case 2: return UnsubscribeToken(reader: earlierReader(fields[1]), digest: digest)
        default: return nil
        }
    }

    /// Tokens sent before the kind was named carry the ledger's key, where a list was
    /// `list:<network>`; they still mean what they meant when they were sent.
    private static func earlierReader(_ key: String) -> AddresseeID {
        key.hasPrefix("list:") ? .mailingList(network: AudienceID(String(key.dropFirst(5)))) : .subscriber(SubscriberID(key))
    }

    /// HMAC-SHA256 cut to 128 bits: forgery stays out of reach and links stay short.
    private static func signature(of payload: Data, _ secret: SymmetricSecret) -> Data {
        Data(Data(HMAC<SHA256>.authenticationCode(for: payload, using: secret.key)).prefix(16))
    }

    private static func base64url(_ data: Data) -> String {
        let bytes = data.base64EncodedString().utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func data(base64url text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
