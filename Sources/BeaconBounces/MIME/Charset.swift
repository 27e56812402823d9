import Foundation

/// The character sets reports are written in. UTF-8 and US-ASCII, and the single-byte sets
/// European mail servers still use for their own wording; bytes in any other set are read
/// only if they are plain ASCII. ISO-8859-1 is read as Windows-1252, as browsers do: mail
/// labelled Latin-1 with a byte in 0x80–0x9F means Windows' dash or quote, never a control.
enum Charset {
    case utf8
    case windows1252
    case latin9

    /// The set a `charset=` parameter names; nil for one Beacon does not read.
    init?(named name: String) {
        switch name.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "windows-1252", "cp1252", "x-cp1252": self = .windows1252
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9": self = .latin9
        default: return nil
        }
    }

    /// Text from bytes; bytes that are not valid in the set become U+FFFD, never a crash.
    func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            return String(String.UnicodeScalarView(bytes.map(Self.windows1252Scalar)))
        case .latin9:
            return String(String.UnicodeScalarView(bytes.map(Self.latin9Scalar)))
        }
    }

    /// Header text and bodies with no charset said: UTF-8 when it is valid, otherwise
    /// Windows-1252, which is what unlabelled 8-bit mail almost always is.
    static func guess<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return Charset.windows1252.decode(bytes)
    }

    /// Windows-1252 is ISO-8859-1 with printable characters in 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)])!
    }

    /// ISO-8859-15 replaces eight ISO-8859-1 characters, the euro sign among them.
    private static func latin9Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let replaced: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        return replaced[byte].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte)
    }
}
