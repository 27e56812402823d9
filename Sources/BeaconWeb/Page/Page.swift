import BeaconCore

/// A whole reader page: the fund's name at the top, the content, who to ask at the foot, and
/// the one stylesheet. Welsh is the document's language and comes first throughout; English
/// parts say so. No script: every page works without JavaScript.
struct Page: Sendable {
    let title: Bilingual
    let body: String
    /// The form had mistakes: the title says so first, as screen reader users hear it first.
    var hasErrors = false

    func html(for settings: Settings) -> String {
        let programme = Bilingual(settings.programme)
        let team = Bilingual(settings.fundTeam.name)
        let prefix = hasErrors ? "Gwall: " : ""
        let englishPrefix = hasErrors ? "Error: " : ""
        return """
            <!DOCTYPE html>
            <html lang="cy">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>\(HTML.escape(prefix + title.welsh)) / \(HTML.escape(englishPrefix + title.english)) – \(HTML.escape(programme.plain))</title>
            <link rel="stylesheet" href="\(Stylesheet.path)">
            </head>
            <body>
            <a class="skip-link" href="#main"><span lang="cy">Neidio i'r prif gynnwys</span> <span lang="en">Skip to main content</span></a>
            <header class="site-header"><div class="width"><p>\(programme.inline)</p></div></header>
            <main id="main" class="width" tabindex="-1">
            \(body)
            </main>
            <footer class="site-footer"><div class="width">
            <p lang="cy">Cwestiynau? \(HTML.escape(team.welsh)): <a href="mailto:\(HTML.escape(settings.fundTeam.email))">\(HTML.escape(settings.fundTeam.email))</a></p>
            <p lang="en">Questions? \(HTML.escape(team.english)): <a href="mailto:\(HTML.escape(settings.fundTeam.email))">\(HTML.escape(settings.fundTeam.email))</a></p>
            </div></footer>
            </body>
            </html>

            """
    }
}
