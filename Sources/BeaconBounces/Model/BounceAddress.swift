/// Beacon's bounce address as the settings give it (`bounces` at `gov.wales.example`, with
/// `+` between the local part and a delivery's reference): what returned mail is searched for.
public struct BounceAddress: Sendable, CustomStringConvertible {
    public let localPart: String
    public let domain: String
    public let delimiter: Character

    /// Nil when the parts could not make such an address: an empty or non-ASCII local part or
    /// domain, or a local part holding `@` or the delimiter.
    public init?(localPart: String, domain: String, delimiter: Character = "+") {
        let domain = domain.hasSuffix(".") ? String(domain.dropLast()) : domain
        guard !localPart.isEmpty, !domain.isEmpty, localPart.allSatisfy(\.isASCII), domain.allSatisfy(\.isASCII), delimiter.isASCII,
              !localPart.contains("@"), !localPart.contains(delimiter), !domain.contains("@"), !domain.contains(" ")
        else { return nil }
        self.localPart = localPart
        self.domain = domain
        self.delimiter = delimiter
    }

    /// How the address with a reference is written: `bounces+REF@gov.wales.example`.
    public var description: String { "\(localPart)\(delimiter)REF@\(domain)" }

    /// The reference in the first `LOCAL+REF@domain` found in `text` (an address, a header
    /// field, a report's text), with the local part and domain compared without case; the
    /// reference keeps its case. Letters and digits only, as Beacon writes them.
    public func reference(in text: some StringProtocol) -> String? {
        reference(in: Array(text.utf8)[...])
    }

    func reference(in bytes: ArraySlice<UInt8>) -> String? {
        let prefix = Array("\(localPart)\(delimiter)".lowercased().utf8)
        let suffix = Array("@\(domain)".lowercased().utf8)
        let lowered = bytes.map(Self.lowercase)
        var searchFrom = 0
        while let found = ByteSearch.find(prefix, in: lowered, range: searchFrom..<lowered.count) {
            searchFrom = found + 1
            if found > 0, Self.isAddressCharacter(lowered[found - 1]) { continue }
            let start = found + prefix.count
            let end = lowered[start...].firstIndex { !Self.isReferenceCharacter($0) } ?? lowered.count
            guard end > start, lowered[end...].starts(with: suffix) else { continue }
            let after = end + suffix.count
            if after < lowered.count, Self.continuesDomain(lowered[after...]) { continue }
            return String(decoding: bytes[(bytes.startIndex + start)..<(bytes.startIndex + end)], as: UTF8.self)
        }
        return nil
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }

    private static func isReferenceCharacter(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...122).contains(byte)
    }

    /// Characters that may come before a local part within an address (`xbounces+…` is not ours).
    private static func isAddressCharacter(_ byte: UInt8) -> Bool {
        isReferenceCharacter(byte) || Array("!#$%&'*+-/=?^_`{|}~.".utf8).contains(byte)
    }

    /// Whether the domain goes on (`gov.wales.example.org`), rather than ending the address
    /// (a full stop ending a sentence does not count).
    private static func continuesDomain(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let next = rest.first else { return false }
        if isReferenceCharacter(next) || next == UInt8(ascii: "-") { return true }
        if next == UInt8(ascii: "."), let after = rest.dropFirst().first { return isReferenceCharacter(after) }
        return false
    }
}
