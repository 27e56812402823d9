/// Checks an address the way a careful mail system would before it goes anywhere near SMTP:
/// plain `local@domain`, ASCII, no spaces, quotes or line breaks.
public enum EmailAddress {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")

    /// Why `address` cannot be used, or nil when it can.
    public static func problem(with address: String) -> String? {
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
}
