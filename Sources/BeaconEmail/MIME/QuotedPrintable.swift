/// Quoted-printable (RFC 2045 §6.7) for message bodies: readable where the text is ASCII,
/// safe for any UTF-8, lines of at most 76 characters, CRLF line endings.
enum QuotedPrintable {
    static let maximumLineLength = 76

    /// Encodes `text`, whose line breaks may be LF or CRLF, as CRLF-terminated lines.
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                // Whitespace at the end of a line is lost in transit unless encoded.
                token = isLast ? hex(byte) : String(UnicodeScalar(byte))
            case UInt8(ascii: "="):
                token = hex(byte)
            case UInt8(ascii: "F") where index == 0 && bytes.starts(with: Array("From ".utf8)):
                // Some mail stores turn a line starting "From " into ">From ".
                token = hex(byte)
            case UInt8(ascii: ".") where index == 0:
                // A lone "." ends SMTP DATA; servers undo dot-stuffing, but encoding is safer still.
                token = hex(byte)
            case 33...126:
                token = String(UnicodeScalar(byte))
            default:
                token = hex(byte)
            }
            // Leave room for the "=" of a soft line break unless this is the line's last token.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + token.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
        return output
    }

    private static let digits = Array("0123456789ABCDEF")

    private static func hex(_ byte: UInt8) -> String {
        "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
