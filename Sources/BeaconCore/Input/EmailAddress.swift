/// Checks an address the way a careful mail system would before it goes anywhere near SMTP:
/// plain `local@domain`, ASCII, no spaces, quotes or line breaks.
public enum EmailAddress {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")

    /// Why `address` cannot be used, or nil when it can.
    public static func problem(with address: String) -> String? {
        if address.utf8.allSatisfy({ $0 < 0x80 }) { return problem(withASCII: Array(address.utf8)) }
        // Scalars, not Characters: "\r\n" is one Character and equals neither "\r" nor "\n".
        if address.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { return "it contains a line break" }
        if address.unicodeScalars.contains(where: \.isControl) {
            return "it contains a control character"
        }
        if address.contains(where: \.isWhitespace) { return "it contains a space" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count < 2 ? "it has no @" : "it has more than one @" }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64 else { return "the part before @ must be 1 to 64 characters" }
        guard local.allSatisfy({ localCharacters.contains($0) }) else {
            return "the part before @ has a character mail servers do not accept"
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return "the part before @ has a misplaced dot"
        }
        guard domain.count <= 253 else { return "the domain is too long" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain needs a dot, as in example.org" }
        for label in labels {
            guard !label.isEmpty, label.count <= 63,
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else {
                return "the domain \(domain) is not a valid host name"
            }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else {
            return "the domain must end in a name such as .org or .wales"
        }
        return nil
    }

    /// The same checks, in the same order, on the bytes of an ASCII address, where every
    /// character is one byte: every subscriber's address is checked as the register loads.
    private static func problem(withASCII bytes: [UInt8]) -> String? {
        if bytes.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) { return "it contains a line break" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "it contains a control character" }
        if bytes.contains(UInt8(ascii: " ")) { return "it contains a space" }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count < 2 ? "it has no @" : "it has more than one @" }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64 else { return "the part before @ must be 1 to 64 characters" }
        guard local.allSatisfy({ localBytes[Int($0)] }) else { return "the part before @ has a character mail servers do not accept" }
        let dot = UInt8(ascii: ".")
        guard local.first != dot, local.last != dot, !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else {
            return "the part before @ has a misplaced dot"
        }
        guard domain.count <= 253 else { return "the domain is too long" }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain needs a dot, as in example.org" }
        let hyphen = UInt8(ascii: "-")
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.allSatisfy({ isLetter($0) || isDigit($0) || $0 == hyphen }),
                  label.first != hyphen, label.last != hyphen else {
                return "the domain \(String(decoding: domain, as: UTF8.self)) is not a valid host name"
            }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(isLetter) else {
            return "the domain must end in a name such as .org or .wales"
        }
        return nil
    }

    /// By byte: whether `localCharacters` has it.
    private static let localBytes: [Bool] = (0..<128).map { localCharacters.contains(Character(Unicode.Scalar(UInt8($0)))) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
