import Foundation

/// A `multipart/alternative` message: plain text first, HTML last, so clients that can show
/// HTML do and the rest show the text. Built once; the outbox and SMTP carry the same bytes.
struct MIMEMessage {
    /// Header names and values in the order written; values are already encoded.
    var headers: [(name: String, value: String)]
    /// The bodies, already quoted-printable.
    let text: [UInt8]
    let html: [UInt8]
    /// Derived from the Message-ID, so the same message always has the same bytes.
    let boundary: String

    var bytes: Data {
        var lines: [String] = headers.map { HeaderEncoding.header($0.name, $0.value) }
        lines += [
            HeaderEncoding.header("MIME-Version", "1.0"),
            HeaderEncoding.header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""),
            "",
            "This is a message in Welsh and English, as plain text and HTML.",
        ]
        var bytes = Array(lines.joined(separator: "\r\n").utf8)
        bytes.reserveCapacity(bytes.count + text.count + html.count + 512)
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            bytes += "\r\n--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8
            bytes += body
        }
        bytes += "\r\n--\(boundary)--\r\n".utf8
        return Data(bytes)
    }
}
