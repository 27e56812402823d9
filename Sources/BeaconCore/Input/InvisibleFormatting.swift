extension Unicode.Scalar {
    /// An invisible formatting character (category Cf), which register text has no use for:
    /// bidirectional embeddings, overrides and isolates reorder the text around them;
    /// zero-width characters and tags hide text. The direction marks U+200E and U+200F go too:
    /// Welsh and English never need them, and two right-to-left marks show "1 – 2" as "2 – 1".
    /// The soft hyphen, the only one below U+0600, stays: it only says where a word may break.
    /// Asking for the category only above U+0600 keeps Welsh and English to one comparison.
    var isInvisibleFormatting: Bool { value >= 0x0600 && properties.generalCategory == .format }

    /// Whether this formatting character is part of a picture rather than hidden text: a
    /// zero-width joiner after an emoji (👩‍⚕️), or a tag after a black flag or another tag,
    /// which is how the flag of Wales is spelt (🏴󠁧󠁢󠁷󠁬󠁳󠁿).
    func continuesEmoji(after previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        switch value {
        case 0x200D: return previous == "\u{FE0F}" || (previous.value > 0xFF && previous.properties.isEmoji)
        case 0xE0020...0xE007F: return previous == "\u{1F3F4}" || (0xE0020...0xE007E).contains(previous.value)
        default: return false
        }
    }
}
