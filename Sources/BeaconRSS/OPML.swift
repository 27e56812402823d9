import Foundation

/// An OPML 2.0 list of every feed, so a network secretary can subscribe to all of them at once.
enum OPML {
    static func document(_ feeds: [Feed], baseURL: String, title: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<opml version=\"2.0\">",
            "  <head><title>\(XMLText.escape(title))</title></head>",
            "  <body>",
        ]
        for feed in feeds {
            lines.append("    <outline type=\"rss\" text=\"\(XMLText.escape(feed.title))\" title=\"\(XMLText.escape(feed.title))\" language=\"\(feed.language == "both" ? "cy" : feed.language)\" xmlUrl=\"\(XMLText.escape(feed.selfURL))\"/>")
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }
}
