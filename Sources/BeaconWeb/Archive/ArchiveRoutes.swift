import BeaconCore
import Hummingbird

/// The permanent pages of what feeds and bulletins published: `/archive/DIGEST/` lists every
/// edition's issues, newest first, and `/archive/DIGEST/EDITION/DATE` shows one as published
/// (feed items link there). They hold no personal data, so caches may keep them.
struct ArchiveRoutes: Sendable {
    let context: WebContext

    private static let caching = "public, max-age=300"

    func add(to router: Router<WebRequestContext>) {
        router.get("archive/:digest") { _, route in try list(route) }
        router.get("archive/:digest/:edition/:date") { _, route -> Response in
            let archive = Archive(context: context)
            guard let digest = archive.digest(named: route.parameters.get("digest") ?? ""),
                  let date = CivilDate(parsing: route.parameters.get("date") ?? ""),
                  let found = try archive.content(of: digest, edition: route.parameters.get("edition") ?? "", on: date) else {
                return PlainPages.notFound.response(.notFound, settings: context.settings)
            }
            let (edition, html) = found
            let back = "<p><a href=\"/archive/\(HTML.escape(SafeName.of(digest.id)))/\">\(Bilingual("Pob rhifyn", "Every issue").inline)</a></p>\n"
            let heading = "<p class=\"hint\">\(archive.title(of: edition, in: digest).inline)</p>\n"
            return Page(title: Bilingual(digest.title), body: back + heading + "<article class=\"digest\">\n\(html)\n</article>\n")
                .response(settings: context.settings, caching: Self.caching)
        }
    }

    private func list(_ route: WebRequestContext) throws -> Response {
        let archive = Archive(context: context)
        guard let digest = archive.digest(named: route.parameters.get("digest") ?? "") else {
            return PlainPages.notFound.response(.notFound, settings: context.settings)
        }
        let editions = try archive.editions(of: digest)
        var body = "<h1>\((Bilingual("Archif: ", "Archive: ") + Bilingual(digest.title)).inline)</h1>\n"
        if editions.isEmpty {
            body += Bilingual("Nid oes dim wedi'i gyhoeddi eto.", "Nothing has been published yet.").paragraphs()
        }
        let order = editions.map(\.edition).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
        for name in order {
            let issues = editions.filter { $0.edition == name }
            body += "<h2>\(archive.title(of: issues[0], in: digest).inline)</h2>\n<ul class=\"archive-list\">\n"
            for issue in issues {
                let dates = Bilingual(DateWording.date(issue.issueDate, in: .welsh), DateWording.date(issue.issueDate, in: .english))
                body += "<li><a href=\"/\(HTML.escape(issue.path))\">\(dates.inline)</a></li>\n"
            }
            body += "</ul>\n"
        }
        return Page(title: Bilingual("Archif", "Archive"), body: body).response(settings: context.settings, caching: Self.caching)
    }
}
