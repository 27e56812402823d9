import BeaconChannelAPI
import BeaconCore
import Foundation

/// One feed file: its channel details and its items, newest first, at most `limit` of them.
/// The items live beside the published file in Beacon's state folder, so regenerating a feed
/// from scratch never loses what was published.
struct Feed: Codable {
    /// Path under the feeds folder, such as `directors-fortnightly/directors.health.cy.xml`.
    let file: String
    let titleEnglish: String
    let titleWelsh: String?
    /// `cy`, `en`, or `both` for the bilingual feed.
    let language: String
    let selfURL: String
    let siteURL: String
    var items: [FeedItem]

    var title: String {
        switch language {
        case "en": titleEnglish
        case "cy": titleWelsh ?? titleEnglish
        default: [titleWelsh ?? titleEnglish, titleEnglish].uniqued().joined(separator: " / ")
        }
    }

    func xml(builtAt date: Date) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">",
            "  <channel>",
            "    <title>\(XMLText.html(title))</title>",
            "    <link>\(XMLText.escape(siteURL))</link>",
            "    <description>\(XMLText.html(title))</description>",
            "    <language>\(language == "both" ? "cy" : language)</language>",
            "    <lastBuildDate>\(RFC822.string(date))</lastBuildDate>",
            "    <atom:link href=\"\(XMLText.escape(selfURL))\" rel=\"self\" type=\"application/rss+xml\"/>",
        ]
        lines += items.map(\.xml)
        lines += ["  </channel>", "</rss>", ""]
        return lines.joined(separator: "\n")
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
