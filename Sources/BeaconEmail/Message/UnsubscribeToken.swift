import BeaconCore
import Crypto
import Foundation

/// A token naming a subscriber and a digest, signed so that nobody can unsubscribe someone
/// else by guessing: `<payload>.<signature>`, both base64url.
public struct UnsubscribeToken: Sendable, Equatable {
    public let subscriber: SubscriberID
    public let digest: DigestID

    public init(subscriber: SubscriberID, digest: DigestID) {
        self.subscriber = subscriber
        self.digest = digest
    }

    public func signed(with secret: SymmetricSecret) -> String {
        let payload = Data("\(digest.rawValue)\n\(subscriber.rawValue)".utf8)
        return Self.base64url(payload) + "." + Self.base64url(Self.signature(of: payload, secret))
    }

    /// The token's subscriber and digest if its signature is genuine, else nil.
    public static func verify(_ token: String, with secret: SymmetricSecret) -> UnsubscribeToken? {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let payload = data(base64url: parts[0]), let signature = data(base64url: parts[1]) else { return nil }
        let expected = Self.signature(of: payload, secret)
        // Compared in constant time, so timing cannot reveal how much of a forgery was right.
        guard signature.count == expected.count, zip(signature, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return nil }
        return UnsubscribeToken(subscriber: SubscriberID(String(fields[1])), digest: DigestID(String(fields[0])))
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
