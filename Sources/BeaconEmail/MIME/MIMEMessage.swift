import Foundation

/// A `multipart/alternative` message: plain text first, HTML last, so clients that can show
/// HTML do and the rest show the text. Built once; the outbox and SMTP carry the same bytes.
struct MIMEMessage {
    /// Header names and values in the order written; values are already encoded.
    var headers: [(name: String, value: String)]
    let text: String
    let html: String
    /// Derived from the Message-ID, so the same message always has the same bytes.
    let boundary: String

    var bytes: Data {
        var lines: [String] = headers.map { HeaderEncoding.header($0.name, $0.value) }
        lines += [
            HeaderEncoding.header("MIME-Version", "1.0"),
            HeaderEncoding.header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""),
            "",
            "This is a message in Welsh and English, as plain text and HTML.",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(html),
            "--\(boundary)--",
            "",
        ]
        return Data(lines.joined(separator: "\r\n").utf8)
    }
}
