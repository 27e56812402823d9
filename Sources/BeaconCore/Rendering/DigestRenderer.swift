import Foundation
import Mustache

/// Renders assembled digests with Mustache templates: the built-in ones shipped with Beacon,
/// or the operator's file of the same name in the templates folder.
public struct DigestRenderer: Sendable {
    private let templates: [DigestFormat: MustacheTemplate]
    private let settings: Settings
    private let register: Register
    /// Email's formats whose built-in template is in use: these are laid out by
    /// `BuiltInLayout` and shared between readers. An operator's template is rendered by
    /// Mustache for each reader, since it might transform the reader's name.
    private let builtIn: Set<DigestFormat>
    /// `send` hands readers who get the same issue over one after another, so a few recent
    /// renderings are enough to keep.
    private let shared = SharedCache<RenderingKey, PersonalisedRendering>(limit: 16)
    private let encoded = SharedCache<EncodedRenderingKey, PersonalisedRendering.Encoded>(limit: 16)
    /// A message's text and HTML are laid out one after the other from the same view.
    private let views = SharedCache<PageKey, DigestView>(limit: 4)

    /// Loads every template now, so a broken override is reported before anything is sent.
    public init(configuration: Configuration) throws(InvalidConfiguration) {
        settings = configuration.settings
        register = configuration.register
        var templates: [DigestFormat: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        var builtIn: Set<DigestFormat> = []
        for format in DigestFormat.allCases {
            let override = configuration.settings.templatesFolder.appendingPathComponent(format.templateName)
            let overridden = FileManager.default.fileExists(atPath: override.path)
            if !overridden, format == .text || format == .html { builtIn.insert(format) }
            let url = overridden ? override : Bundle.module.url(forResource: "Templates/\(format.templateName)", withExtension: nil)!
            let location = SourceLocation(file: ConfigurationLoader.displayName(url))
            do {
                templates[format] = try TemplateEscaping.template(String(contentsOf: url, encoding: .utf8))
            } catch {
                problems.append(Diagnostic(location: location, problem: .badTemplate("\(error)")))
            }
        }
        guard problems.isEmpty else { throw InvalidConfiguration(diagnostics: problems) }
        self.templates = templates
        self.builtIn = builtIn
    }

    /// Who lays a page out: the built-in layout or the Mustache template.
    enum Layout {
        case builtIn, template
    }

    /// `unsubscribe` adds the reader's own way out to every language's footer (email), and
    /// `webCopy` where their copy can be read on the web.
    public func render(_ digest: AssembledDigest, as format: DigestFormat, unsubscribe: String? = nil, webCopy: String? = nil) -> String {
        let links = FooterLinks(unsubscribe: unsubscribe, webCopy: webCopy)
        guard let shared = sharedRendering(digest, as: format, links: links) else {
            return render(digest, as: format, links: links, layout: .template)
        }
        return shared.filled(name: digest.reader.name, links: links)
    }

    /// The page as `Encoding` writes it, for a message body: what readers of the same issue
    /// share is encoded once.
    public func render<Encoding: LineEncoding>(
        _ digest: AssembledDigest, as format: DigestFormat, unsubscribe: String?, webCopy: String? = nil, encodedBy encoding: Encoding.Type
    ) -> [UInt8] {
        let links = FooterLinks(unsubscribe: unsubscribe, webCopy: webCopy)
        guard let key = sharingKey(digest, as: format, links: links) else {
            return Encoding.encode(render(digest, as: format, links: links, layout: .template))
        }
        return encoded.value(EncodedRenderingKey(rendering: key, encoding: ObjectIdentifier(Encoding.self))) {
            sharedRendering(digest, as: format, links: links)!.encoded(by: Encoding.self)
        }.filled(name: digest.reader.name, links: links)
    }

    /// Readers the assembler gave the same issue see the same page in the same language; nil
    /// when the page is laid out for the reader alone.
    private func sharingKey(_ digest: AssembledDigest, as format: DigestFormat, links: FooterLinks) -> RenderingKey? {
        let reader = digest.reader
        guard builtIn.contains(format), PersonalisedRendering.canHold(reader.name, links.unsubscribe, links.webCopy) else { return nil }
        let page = PageKey(issue: digest.sharingKey, language: reader.language, withUnsubscribe: links.unsubscribe != nil, withWebCopy: links.webCopy != nil)
        return RenderingKey(page: page, format: format)
    }

    private func sharedRendering(_ digest: AssembledDigest, as format: DigestFormat, links: FooterLinks) -> PersonalisedRendering? {
        guard let key = sharingKey(digest, as: format, links: links) else { return nil }
        return shared.value(key) {
            let marked = views.value(key.page) {
                let named = digest.addressed(to: digest.reader.named(String(PersonalisedRendering.nameMark)))
                return view(of: named, links: links.marked)
            }
            return PersonalisedRendering(rendered: layOut(marked, as: format, layout: .builtIn), format: format)
        }
    }

    /// One reader's page laid out by `layout`, shared with nobody: for operators' templates,
    /// and for the test that holds the built-in layout to the template files.
    func render(_ digest: AssembledDigest, as format: DigestFormat, links: FooterLinks, layout: Layout) -> String {
        let rendered = layOut(view(of: digest, links: links), as: format, layout: layout)
        return format == .text ? PlainTextWrapper.wrap(rendered) : rendered
    }

    private func view(of digest: AssembledDigest, links: FooterLinks) -> DigestView {
        DigestView(digest, settings: settings, register: register, unsubscribe: links.unsubscribe, webCopy: links.webCopy)
    }

    private func layOut(_ view: DigestView, as format: DigestFormat, layout: Layout) -> String {
        if layout == .builtIn, let laidOut = BuiltInLayout.render(view, as: format) { return laidOut }
        return templates[format]!.render(view)
    }

    /// The HTML digest's content without the page around it, for feeds and web copies: they
    /// show a fragment, not a whole document.
    public func renderFragment(_ digest: AssembledDigest, unsubscribe: String? = nil, webCopy: String? = nil) -> String {
        let html = render(digest, as: .html, unsubscribe: unsubscribe, webCopy: webCopy)
        guard let open = html.range(of: "<main"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</main>", options: .backwards), start < close.lowerBound else { return html }
        return String(html[html.index(after: start)..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
