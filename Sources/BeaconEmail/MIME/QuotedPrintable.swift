/// Quoted-printable (RFC 2045 §6.7) for message bodies: readable where the text is ASCII,
/// safe for any UTF-8, lines of at most 76 characters, CRLF line endings. Works on bytes:
/// every message body passes through here.
enum QuotedPrintable {
    static let maximumLineLength = 76

    /// Encodes `text`, whose line breaks may be LF or CRLF, as CRLF-separated lines.
    static func encode(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var line: [UInt8] = []
        var first = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if !first { output += [13, 10] }
                encodeLine(line, into: &output)
                line.removeAll(keepingCapacity: true)
                first = false
            } else {
                line.append(byte)
            }
        }
        if !first { output += [13, 10] }
        encodeLine(line, into: &output)
        return output
    }

    private static let fromPrefix = Array("From ".utf8)

    private static func encodeLine(_ bytes: [UInt8], into output: inout [UInt8]) {
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal: Bool
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                // Whitespace at the end of a line is lost in transit unless encoded.
                literal = !isLast
            case UInt8(ascii: "F") where index == 0 && bytes.starts(with: fromPrefix):
                // Some mail stores turn a line starting "From " into ">From ".
                literal = false
            case UInt8(ascii: ".") where index == 0:
                // A lone "." ends SMTP DATA; servers undo dot-stuffing, but encoding is safer still.
                literal = false
            case UInt8(ascii: "="):
                literal = false
            case 33...126:
                literal = true
            default:
                literal = false
            }
            let width = literal ? 1 : 3
            // Leave room for the "=" of a soft line break unless this is the line's last token.
            if lineLength + width > (isLast ? maximumLineLength : maximumLineLength - 1) {
                output += [UInt8(ascii: "="), 13, 10]
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
            lineLength += width
        }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)
}
