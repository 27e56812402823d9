/// Quoted-printable (RFC 2045 §6.7) for message bodies: readable where the text is ASCII,
/// safe for any UTF-8, lines of at most 76 characters, CRLF line endings. Works on the
/// string's own bytes in one pass: every body of every message passes through here.
enum QuotedPrintable {
    static let maximumLineLength = 76

    /// Encodes `text`, whose line breaks may be LF or CRLF, as CRLF-separated lines.
    static func encode(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var start = 0
            while true {
                let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
                var end = newline ?? bytes.count
                if newline != nil, end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &output)
                guard let newline else { break }
                output.append(13)
                output.append(10)
                start = newline + 1
            }
            return output
        }
    }

    private static let fromPrefix = Array("From ".utf8)

    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var lineLength = 0
        let last = bytes.count - 1
        for index in bytes.indices {
            let byte = bytes[index]
            let literal: Bool
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                // Whitespace at the end of a line is lost in transit unless encoded.
                literal = index != last
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
            if lineLength + width > (index == last ? maximumLineLength : maximumLineLength - 1) {
                output.append(UInt8(ascii: "="))
                output.append(13)
                output.append(10)
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
            lineLength += width
        }
    }

    private static let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
