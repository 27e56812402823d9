import BeaconChannelAPI
import BeaconCore

/// Quoted-printable (RFC 2045 §6.7) for message bodies: readable where the text is ASCII,
/// safe for any UTF-8, lines of at most 76 characters, CRLF line endings. Works on the
/// string's own bytes in one pass: every body of every message passes through here.
enum QuotedPrintable: LineEncoding {
    static let maximumLineLength = 76
    /// Each line is encoded on its own, so lines shared by readers are encoded once.
    static let lineBreak: [UInt8] = [13, 10]

    /// Encodes `text`, whose line breaks may be LF or CRLF, as CRLF-separated lines.
    static func encode(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            // At most three bytes for each, and a soft break for every 25 encoded ones.
            let bound = bytes.count * 3 + bytes.count / 4 + 16
            return [UInt8](unsafeUninitializedCapacity: bound) { output, written in
                var writer = Writer(output: output)
                var start = 0
                while true {
                    let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
                    var end = newline ?? bytes.count
                    if newline != nil, end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &writer)
                    guard let newline else { break }
                    writer.put(13)
                    writer.put(10)
                    start = newline + 1
                }
                written = writer.count
            }
        }
    }

    /// Writes into memory sized for the worst case, so no byte checks for room.
    private struct Writer {
        let output: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func put(_ byte: UInt8) {
            output[count] = byte
            count += 1
        }

        mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            (output.baseAddress! + count).update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }
    }

    private static let fromPrefix = Array("From ".utf8)

    /// Bytes written as themselves anywhere in a line: printable ASCII but "=". Space and tab
    /// are literal too except at a line's end; "F" and "." are checked at a line's start.
    /// Worked out rather than looked up: reading a static table checks it is made on every read.
    @inline(__always)
    private static func isLiteral(_ byte: UInt8) -> Bool {
        ((33...126).contains(byte) && byte != 61) || byte == 32 || byte == 9
    }

    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout Writer) {
        var lineLength = 0
        let last = bytes.count - 1
        var index = 0
        while index < bytes.count {
            // Inside the line, a run of literal bytes that fits before a soft break is copied whole.
            if index > 0 {
                var end = index
                let limit = min(last, index + (maximumLineLength - 1 - lineLength))
                while end < limit, isLiteral(bytes[end]) { end += 1 }
                if end > index {
                    output.put(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    lineLength += end - index
                    index = end
                    continue
                }
            }
            defer { index += 1 }
            let byte = bytes[index]
            var plain = isLiteral(byte)
            if index == last, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                // Whitespace at the end of a line is lost in transit unless encoded.
                plain = false
            } else if index == 0, byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && bytes.starts(with: fromPrefix)) {
                // A lone "." ends SMTP DATA, and some mail stores turn a line starting "From "
                // into ">From ": both are encoded, though servers undo dot-stuffing.
                plain = false
            }
            let width = plain ? 1 : 3
            // Leave room for the "=" of a soft line break unless this is the line's last token.
            if lineLength + width > (index == last ? maximumLineLength : maximumLineLength - 1) {
                output.put(UInt8(ascii: "="))
                output.put(13)
                output.put(10)
                lineLength = 0
            }
            if plain {
                output.put(byte)
            } else {
                output.put(UInt8(ascii: "="))
                output.put(hexDigit(byte >> 4))
                output.put(hexDigit(byte & 0x0F))
            }
            lineLength += width
        }
    }

    /// `0`–`9`, `A`–`F`.
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
