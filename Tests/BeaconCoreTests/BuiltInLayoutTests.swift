@testable import BeaconCore
import Foundation
import Testing

/// The built-in text and HTML layouts are written in Swift for speed; the template files are
/// what operators copy and change. These tests hold the two to the same bytes for every reader.
@Suite("Built-in layout: the same page as the built-in templates")
struct BuiltInLayoutTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Config/beacon.yml").standardizedFileURL

    /// Register text with HTML in it, and a reader whose name needs escaping.
    var hostile: Fixture {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "LED street lighting and part-night dimming,Goleuadau stryd LED",
                     with: "\"LED <script>alert('x')</script> & \"\"dimming\"\"\",Goleuadau <b>stryd</b> & LED")
        fixture.edit("subscribers.yml", replacing: "name: Cllr Eira Sampl", with: "name: \"Cllr Eira <Sampl> & 'Co'\"")
        return fixture
    }

    /// No links (feeds), the mailto way out alone, and both footer links with characters HTML escapes.
    static let footerLinks = [
        FooterLinks(unsubscribe: nil, webCopy: nil),
        FooterLinks(unsubscribe: "mailto:unsubscribe@gov.wales.example?subject=unsubscribe%20a&b='c'", webCopy: nil),
        FooterLinks(unsubscribe: "https://digests.example/u/a&b", webCopy: "https://digests.example/w/<c>'d'"),
    ]

    /// Every reader of every digest, on dates that give full, short and empty issues.
    func compareEveryPage(_ configuration: Configuration) throws -> Int {
        let renderer = try DigestRenderer(configuration: configuration)
        let assembler = DigestAssembler(configuration: configuration)
        var pages = 0
        for definition in configuration.digests {
            let readers = configuration.subscribers(of: definition).compactMap { subscriber in
                configuration.audience(subscriber.audience).map { Reader(subscriber: subscriber, audience: $0) }
            } + configuration.editions(of: definition).map(Reader.init(edition:))
            for reader in readers {
                for date in ["2026-06-01", "2026-12-01", "2027-03-01"].compactMap(CivilDate.init(parsing:)) {
                    let digest = assembler.assemble(definition, for: reader, on: date)
                    for format in [DigestFormat.text, .html] {
                        for links in Self.footerLinks {
                            let template = renderer.render(digest, as: format, links: links, layout: .template)
                            #expect(renderer.render(digest, as: format, links: links, layout: .builtIn) == template,
                                    "\(definition.id) for \(reader.id) on \(date) as \(format)")
                            #expect(renderer.render(digest, as: format, unsubscribe: links.unsubscribe, webCopy: links.webCopy) == template,
                                    "shared rendering of \(definition.id) for \(reader.id) on \(date) as \(format)")
                            pages += 1
                        }
                    }
                }
            }
        }
        return pages
    }

    @Test("Every reader of the example gets the page the built-in templates give, shared or not")
    func example() throws {
        let configuration = try ConfigurationLoader.load(settingsFile: Self.example, environment: [:], ignoringOtherSections: true).configuration
        #expect(try compareEveryPage(configuration) > 100)
    }

    @Test("HTML in register text and in a reader's name is escaped exactly as the templates escape it")
    func hostileText() throws {
        let configuration = try hostile.load().configuration
        #expect(try compareEveryPage(configuration) > 20)
    }
}
