import Foundation
import Mustache

/// Renders assembled digests with Mustache templates: the built-in ones shipped with Beacon,
/// or the operator's file of the same name in the templates folder.
public struct DigestRenderer: Sendable {
    private let templates: [DigestFormat: MustacheTemplate]
    private let settings: Settings
    private let register: Register

    /// Loads every template now, so a broken override is reported before anything is sent.
    public init(configuration: Configuration) throws(InvalidConfiguration) {
        _ = MarkdownContentType.registered
        settings = configuration.settings
        register = configuration.register
        var templates: [DigestFormat: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        for format in DigestFormat.allCases {
            let override = configuration.settings.templatesFolder.appendingPathComponent(format.templateName)
            let url = FileManager.default.fileExists(atPath: override.path)
                ? override : Bundle.module.url(forResource: "Templates/\(format.templateName)", withExtension: nil)!
            let location = SourceLocation(file: ConfigurationLoader.displayName(url))
            do {
                templates[format] = try MustacheTemplate(string: String(contentsOf: url, encoding: .utf8))
            } catch {
                problems.append(Diagnostic(location: location, problem: .badTemplate("\(error)")))
            }
        }
        guard problems.isEmpty else { throw InvalidConfiguration(diagnostics: problems) }
        self.templates = templates
    }

    /// `unsubscribe` adds the reader's own way out to every language's footer (email).
    public func render(_ digest: AssembledDigest, as format: DigestFormat, unsubscribe: String? = nil) -> String {
        let view = DigestView(digest, settings: settings, register: register, unsubscribe: unsubscribe)
        let rendered = templates[format]!.render(view)
        return format == .text ? PlainTextWrapper.wrap(rendered) : rendered
    }

    /// The HTML digest's content without the page around it, for feeds: readers show a
    /// fragment, not a whole document.
    public func renderFragment(_ digest: AssembledDigest) -> String {
        let html = render(digest, as: .html)
        guard let open = html.range(of: "<main"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</main>", options: .backwards), start < close.lowerBound else { return html }
        return String(html[html.index(after: start)..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
