/// Text made safe for XML: escaped in content and attributes (quotes included, and `&copy;`
/// escaped rather than passed through as an entity), and characters XML 1.0 forbids dropped.
enum XMLText {
    static func escape(_ text: String) -> String {
        escape(text, asHTML: false)
    }

    /// Register text where readers expect HTML: an RSS description is HTML by definition, and
    /// readers treat a title or an OPML outline as HTML when it looks like HTML. The text is
    /// escaped for HTML, then for XML, so `<b>` or `&amp;` shows as typed, never as markup or
    /// as the character it names. Quotes need no HTML escaping in text, so a title with only
    /// apostrophes stays plain for readers that show titles as text.
    static func html(_ text: String) -> String {
        escape(text, asHTML: true)
    }

    private static func escape(_ text: String, asHTML: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": output += asHTML ? "&amp;amp;" : "&amp;"
            case "<": output += asHTML ? "&amp;lt;" : "&lt;"
            case ">": output += asHTML ? "&amp;gt;" : "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A CDATA section holding `text` exactly, splitting any `]]>` so it cannot end the section early.
    static func cdata(_ text: String) -> String {
        let allowed = String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
        return "<![CDATA[" + allowed.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
