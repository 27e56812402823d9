import Crypto
import Foundation

/// How every signed token is spelt: `<payload>.<signature>`, both base64url, the signature an
/// HMAC-SHA256 cut to 128 bits (forgery out of reach, links short).
extension LinkKeys {
    func sign(_ payload: Data) -> String {
        Base64URL.encode(payload) + "." + Base64URL.encode(Self.signature(of: payload, signing))
    }

    /// The payload of a token one of the keys signed; nil for a forged, altered or cut one.
    func verifiedPayload(_ token: String) -> Data? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let signature = Base64URL.decode(parts[1]) else { return nil }
        // Every key is tried, and compared in constant time, so timing tells nothing of a forgery.
        let genuine = verifying.reduce(false) { found, key in
            let expected = Self.signature(of: payload, key)
            return found || (signature.count == expected.count && zip(signature, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0)
        }
        return genuine ? payload : nil
    }

    private static func signature(of payload: Data, _ secret: SymmetricSecret) -> Data {
        Data(Data(HMAC<SHA256>.authenticationCode(for: payload, using: secret.key)).prefix(16))
    }
}
