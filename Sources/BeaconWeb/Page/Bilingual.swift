import BeaconCore

/// Words a reader sees, in Welsh and English. Pages show both, Welsh first, each marked with
/// its language, so screen readers pronounce each correctly and nobody has to find a switch.
struct Bilingual: Sendable, Hashable {
    let welsh: String
    let english: String

    init(_ welsh: String, _ english: String) {
        self.welsh = welsh
        self.english = english
    }

    /// Register text: its Welsh where the register has it.
    init(_ text: LocalizedText) {
        self.init(text.welsh ?? text.english, text.english)
    }

    /// Both, escaped, inline: the English in a span a stylesheet may put on its own line.
    var inline: String {
        "<span lang=\"cy\">\(HTML.escape(welsh))</span> <span lang=\"en\" class=\"en\">\(HTML.escape(english))</span>"
    }

    /// Two paragraphs, Welsh then English.
    func paragraphs(class name: String? = nil) -> String {
        let attribute = name.map { " class=\"\(HTML.escape($0))\"" } ?? ""
        return "<p lang=\"cy\"\(attribute)>\(HTML.escape(welsh))</p>\n<p lang=\"en\"\(attribute)>\(HTML.escape(english))</p>\n"
    }

    /// For a page's `<title>` and plain text: `Welsh / English`.
    var plain: String { welsh == english ? welsh : "\(welsh) / \(english)" }

    static func + (lhs: Bilingual, rhs: Bilingual) -> Bilingual {
        Bilingual(lhs.welsh + rhs.welsh, lhs.english + rhs.english)
    }
}

/// Text made safe inside HTML elements and quoted attributes: BeaconCore's escaping, so the
/// pages escape exactly as the digests do.
enum HTML {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
