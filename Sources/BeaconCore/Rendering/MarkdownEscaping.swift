import Mustache

/// Escapes register text for Markdown so a title such as `<script>` or `*urgent*` shows as
/// typed instead of becoming HTML or emphasis when the Markdown is converted.
struct MarkdownContentType: MustacheContentType {
    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!"]

    func escapeText(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var escaped = ""
            for (offset, character) in line.enumerated() {
                let startsBlock = offset == 0 && ["#", "-", "+", "="].contains(character)
                if Self.alwaysEscaped.contains(character) || startsBlock { escaped.append("\\") }
                escaped.append(character)
            }
            if let dot = escaped.firstIndex(of: "."), escaped[..<dot].allSatisfy(\.isNumber), dot != escaped.startIndex {
                escaped.insert("\\", at: dot)
            }
            return escaped
        }.joined(separator: "\n")
    }

    /// Registered once under the name templates use: `{{% CONTENT_TYPE: MARKDOWN }}`.
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
}
