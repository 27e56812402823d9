public import BeaconChannelAPI
public import BeaconCore
import BeaconReaderLinks
import Crypto
public import Foundation

/// Turns one reader's issue into the message they receive: bilingual subject and bodies,
/// the headers mail clients and list tools look for, and a signed way to unsubscribe.
public struct EmailComposer: Sendable {
    let settings: EmailSettings
    let timeZone: TimeZone
    let keys: LinkKeys
    let calendar: Calendar

    init(settings: EmailSettings, timeZone: TimeZone, keys: LinkKeys) {
        self.settings = settings
        self.timeZone = timeZone
        self.keys = keys
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// An addressed message: envelope sender and recipient, and the bytes to send.
    public struct Message: Sendable {
        public let sender: String
        public let recipient: String
        public let bytes: Data
    }

    /// Nil for a shared edition: email writes to people and lists only.
    public func compose(_ delivery: Delivery, at date: Date) -> Message? {
        let issue = delivery.issue
        guard let addressee = delivery.addressee else { return nil }
        let languages = addressee.language.languages
        let domain = settings.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let identity = "\(issue.definition.id.rawValue)\n\(issue.issueDate)\n\(addressee.id)"
        let hash = Self.hex(SHA256.hash(data: Data(identity.utf8)))
        let messageID = "<beacon.\(hash.prefix(32))@\(domain)>"

        let token = ReaderLink.unsubscribe(reader: addressee.id, digest: issue.definition.id).signed(with: keys)
        let mailto = "mailto:\(settings.unsubscribeAddress)?subject=unsubscribe%20\(token)"
        let oneClick = settings.publicURL.map { "\($0)/u/\(token)" }
        let visibleLink = oneClick ?? mailto
        let webCopy = settings.publicURL.map {
            "\($0)/w/\(ReaderLink.webCopy(reader: addressee.id, digest: issue.definition.id, issueDate: issue.issueDate).signed(with: keys))"
        }

        var headers: [(name: String, value: String)] = [
            ("Date", Self.rfc5322(date, calendar: calendar)),
            ("From", HeaderEncoding.mailbox(name: languages.map { settings.fromName.resolved(in: $0).text }.uniqued().joined(separator: " / "), address: settings.from)),
            ("Reply-To", HeaderEncoding.mailbox(name: nil, address: settings.replyTo)),
            ("To", HeaderEncoding.mailbox(name: addressee.name, address: addressee.email)),
            ("Subject", HeaderEncoding.text(issue.title(in: languages))),
            ("Message-ID", messageID),
            ("Content-Language", languages.map(\.rawValue).joined(separator: ", ")),
            ("List-Id", "\(HeaderEncoding.phrase(issue.definition.title.english)) <\(Self.label(issue.definition.id.rawValue)).\(domain)>"),
            ("List-Unsubscribe", HeaderEncoding.uris([mailto] + (oneClick.map { [$0] } ?? []))),
        ]
        if oneClick?.lowercased().hasPrefix("https://") == true {
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        // RFC 5064: where this very message can be read on the web.
        if let webCopy { headers.append(("Archived-At", HeaderEncoding.uris([webCopy]))) }
        headers.append(("Auto-Submitted", "auto-generated"))

        let message = MIMEMessage(
            headers: headers,
            text: delivery.renderer.render(issue, as: .text, unsubscribe: visibleLink, webCopy: webCopy, encodedBy: QuotedPrintable.self),
            html: delivery.renderer.render(issue, as: .html, unsubscribe: visibleLink, webCopy: webCopy, encodedBy: QuotedPrintable.self),
            boundary: "beacon-\(hash.suffix(24))")
        return Message(sender: settings.from, recipient: addressee.email, bytes: message.bytes)
    }

    /// A list label made only of letters, digits and hyphens, as List-Id needs, and short
    /// enough for one header line: a longer id is cut and told apart by a hash of it.
    static func label(_ id: String) -> String {
        let mapped = id.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: id.lowercased().utf8.map { Self.isLabelByte($0) ? $0 : UInt8(ascii: "-") }, as: UTF8.self)
            : String(id.lowercased().unicodeScalars.map { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") ? Character($0) : "-" })
        guard mapped.utf8.count > longestLabel else { return mapped }
        return mapped.prefix(longestLabel - 17) + "-" + hex(SHA256.hash(data: Data(id.utf8))).prefix(16)
    }

    private static let longestLabel = 64

    /// An ASCII letter, digit or hyphen: what `CharacterSet.alphanumerics` and "-" allow of ASCII.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// `Tue, 01 Dec 2026 09:00:00 +0000`. Written out by hand: a date formatter made for every
    /// message cost more than the rest of its headers together.
    static func rfc5322(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let offset = calendar.timeZone.secondsFromGMT(for: date) / 60
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        let zone = (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + two(abs(offset) % 60)
        return "\(weekdays[parts.weekday! - 1]), \(two(parts.day!)) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour!)):\(two(parts.minute!)):\(two(parts.second!)) \(zone)"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest { bytes += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
