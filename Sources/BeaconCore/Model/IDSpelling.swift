/// How an id read from `Config/` may be spelt: 1 to 64 ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit. Ids become file and folder names (feeds, bulletins, the
/// outbox), parts of addresses and keys in the ledger, so nothing may climb out of a folder
/// (`..`, `/`), split a key (`.`, `:`), or hide (spaces, control and bidirectional characters).
public enum IDSpelling {
    public static let maximumLength = 64

    /// Why a text cannot be an id, worded for the person fixing the file.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(characters: Int)
        case character(Unicode.Scalar)
        case start(Unicode.Scalar)

        public var description: String {
            let rule = "ids use only letters A to Z, digits, - and _, start with a letter or digit, and have at most \(IDSpelling.maximumLength) characters"
            return switch self {
            case .empty: "it is empty; \(rule)"
            case .tooLong(let characters): "it has \(characters) characters; \(rule)"
            case .character(let scalar): "it contains \(scalar.shownToOfficer); \(rule)"
            case .start(let scalar): "it starts with \(scalar.shownToOfficer); \(rule)"
            }
        }
    }

    /// Why `text` cannot be an id, or nil when it can. Checked on bytes, since every allowed
    /// character is ASCII; only a text that fails is looked at as characters, for the message.
    public static func problem(with text: String) -> Problem? {
        let utf8 = text.utf8
        if let first = utf8.first, isLetterOrDigit(first), utf8.count <= maximumLength, utf8.allSatisfy(isAllowed) { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return .empty }
        if let bad = scalars.first(where: { !$0.isASCII || !isAllowed(UInt8($0.value)) }) { return .character(bad) }
        if !isLetterOrDigit(UInt8(first.value)) { return .start(first) }
        return .tooLong(characters: scalars.count)
    }

    static func isAllowed(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
