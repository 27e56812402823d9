/// How an id read from `Config/` may be spelt: 1 to 64 ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit. Ids become file and folder names (feeds, bulletins, the
/// outbox), parts of addresses and keys in the ledger, so nothing may climb out of a folder
/// (`..`, `/`), split a key (`.`, `:`), or hide (spaces, control and bidirectional characters).
public enum IDSpelling {
    public static let maximumLength = 64

    /// Why a text cannot be an id, worded for the person fixing the file.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case tooLong(characters: Int)
        case character(Unicode.Scalar)
        case start(Unicode.Scalar)

        public var description: String {
            let rule = "ids use only letters A to Z, digits, - and _, start with a letter or digit, and have at most \(IDSpelling.maximumLength) characters"
            return switch self {
            case .tooLong(let characters): "it has \(characters) characters; \(rule)"
            case .character(let scalar): "it contains \(scalar.shownToOfficer); \(rule)"
            case .start(let scalar): "it starts with \(scalar.shownToOfficer); \(rule)"
            }
        }
    }

    /// Why `text` cannot be an id, or nil when it can.
    public static func problem(with text: String) -> Problem? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isAllowed(scalar) else { return .character(scalar) }
            if count == 0, !isLetterOrDigit(scalar) { return .start(scalar) }
            count += 1
        }
        return count > maximumLength ? .tooLong(characters: count) : nil
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "-" || scalar == "_"
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
