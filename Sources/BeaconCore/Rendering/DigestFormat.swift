/// The forms a digest is rendered in. Channels choose among them.
public enum DigestFormat: String, CaseIterable, Sendable {
    case text, html, markdown

    var templateName: String { "digest.\(rawValue).mustache" }
}
