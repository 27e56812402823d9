/// The forms a digest is rendered in. Channels choose among them.
public enum DigestFormat: String, CaseIterable, Sendable {
    case text, html, markdown
    /// A page to print on A4 or open in a browser: meeting bulletins.
    case print

    var templateName: String { "digest.\(rawValue).mustache" }
}
