import PropertyBased

/// Register text written to hurt: header injection, SMTP and mbox line starts, markup,
/// entities, CDATA ends, quotes, bidi overrides, words too long to fold, Welsh letters, emoji
/// and combining marks, in any mixture.
enum Hostile {
    static let fragments: [String] = [
        "\r\nBcc: victim@example.org", "\nBcc: all@example.org\n", "\n.\n", ".", "\nFrom the fund\n", "From ",
        "\0", "\t", "  ", " ", "\r",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold</b>", "</section>", "<!--", "-->",
        "]]>", "<![CDATA[", "&amp;", "&copy;", "&#60;", "&", "<", ">", "\"", "'", "\"'><a href=x>", "`", "\\",
        "*", "_em_", "**", "# ", "1. ", "2) ", "- ", "+ ", "> ", "| a |", "===", "[link](https://example.org)", "![i](x)",
        "=?UTF-8?B?QmNjOg==?=", "%0d%0a", "\u{2028}", "\u{85}",
        "\u{202E}", "\u{202D}", "\u{2066}", "\u{200F}",
        "ŵ", "ŷ", "â", "Llywodraeth Cymru", "Tŷ Hywel", "😀", "👩‍👩‍👧", "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
        "e\u{301}", "<\u{338}", "\"\u{301}", "*\u{301}", "&\u{301}", "a\u{301}\u{302}\u{303}\u{304}\u{305}",
        String(repeating: "Llanfairpwllgwyngyll", count: 5), String(repeating: "ŵ", count: 90),
    ]

    static let word = Gen<Character>.lowercaseLetter.string(of: 1...8)

    static let piece = Gen<String>.frequency([
        (3, Gen<String?>.element(of: fragments).map { $0! }.eraseToAny()),
        (1, word.eraseToAny()),
    ])

    /// One hostile text: a few pieces, glued or spaced.
    static let text = PropertyBased.zip(piece.array(of: 1...5), Gen.bool).map { pieces, spaced in
        pieces.joined(separator: spaced ? " " : "")
    }
}
