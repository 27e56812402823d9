import Mustache

/// How Mustache templates escape the values they show: HTML by default, `MARKDOWN` for the
/// Markdown template, `TEXT` for plain text. Mustache's own HTML escaping compares Characters,
/// so a `"` or `<` carrying a combining mark passed through unescaped; every template here
/// escapes HTML with `HTMLEscaping` instead, operators' templates included.
enum TemplateEscaping {
    private struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    private struct Markdown: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }
    }

    /// Registered once under the names templates use: `{{% CONTENT_TYPE: MARKDOWN }}`, and
    /// `HTML`, which replaces Mustache's own.
    static let registered: Void = {
        MustacheContentTypes.register(HTML(), named: "HTML")
        MustacheContentTypes.register(Markdown(), named: "MARKDOWN")
    }()

    /// A template whose values are escaped as HTML by `HTMLEscaping` unless it names another
    /// content type. Mustache's default cannot be replaced, so the template is given a first
    /// line naming HTML (a line holding only a pragma leaves nothing in the output). It is
    /// parsed as written first, so a mistake is reported at its own line.
    static func template(_ source: String) throws -> MustacheTemplate {
        _ = registered
        _ = try MustacheTemplate(string: source)
        return try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n" + source)
    }
}
