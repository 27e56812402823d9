import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Reading the service's answers as a browser would, and posting forms as one does.
enum PageReading {
    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    /// The hidden form token of the first form on `page`.
    static func formToken(in page: String) -> String? {
        guard let start = page.range(of: "name=\"form_token\" value=\"") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    /// A form body, encoded as browsers encode it.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return ByteBuffer(string: fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The headers of a browser posting a form from the service's own page.
    static let sameOrigin: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "https://digests.example"]

    /// The first link in `text` that starts with `prefix`.
    static func link(in text: String, startingWith prefix: String) -> String? {
        guard let start = text.range(of: prefix) else { return nil }
        return prefix + String(text[start.upperBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" })
    }

    /// The decoded bodies of a quoted-printable message part: soft line breaks joined, `=XX` decoded.
    static func quotedPrintable(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var index = joined.utf8.startIndex
        let utf8 = joined.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The HTML part of a message, decoded, with MIME's CRLF line breaks read as the page's LF.
    static func htmlPart(of message: String) -> String? {
        guard let start = message.range(of: "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"),
              let end = message.range(of: "\r\n--beacon-", range: start.upperBound..<message.endIndex) else { return nil }
        return quotedPrintable(String(message[start.upperBound..<end.lowerBound])).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// What is inside the first `<tag …>` … `</tag>` of `html`.
    static func inside(_ tag: String, of html: String) -> String? {
        guard let open = html.range(of: "<\(tag)"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</\(tag)>", options: .backwards), start < close.lowerBound else { return nil }
        return String(html[html.index(after: start)..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
