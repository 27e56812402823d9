import BeaconChannelAPI
import BeaconCore
import Foundation

/// One issue of a digest as a feed item. Once written, an item's XML is kept as it is, so
/// publishing later issues never changes what readers already have.
struct FeedItem: Codable, Equatable, Identifiable {
    /// Stable for (feed, issue): publishing the same issue again replaces this item.
    let guid: String
    let xml: String

    var id: String { guid }

    init(guid: String, title: String, description: String, html: String, published: Date, link: String?) {
        self.guid = guid
        var lines = [
            "    <item>",
            "      <title>\(XMLText.html(title))</title>",
        ]
        if let link { lines.append("      <link>\(XMLText.escape(link))</link>") }
        lines += [
            "      <description>\(XMLText.html(description))</description>",
            "      <content:encoded>\(XMLText.cdata(html))</content:encoded>",
            "      <pubDate>\(RFC822.string(published))</pubDate>",
            "      <guid isPermaLink=\"false\">\(XMLText.escape(guid))</guid>",
            "    </item>",
        ]
        xml = lines.joined(separator: "\n")
    }
}

/// Dates as RSS 2.0 wants them (RFC 822 with four-digit years).
enum RFC822 {
    static func string(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
