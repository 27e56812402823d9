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
            // Both languages in every title, so either reader can find their feeds in the list.
            let title = [feed.titleWelsh ?? feed.titleEnglish, feed.titleEnglish].uniqued().joined(separator: " / ")
            lines.append("    <outline type=\"rss\" text=\"\(XMLText.html(title))\" title=\"\(XMLText.html(title))\" language=\"\(feed.language == "both" ? "cy" : feed.language)\" xmlUrl=\"\(XMLText.escape(feed.selfURL))\"/>")
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }
}
