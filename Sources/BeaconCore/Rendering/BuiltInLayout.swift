/// The built-in email templates, `digest.text.mustache` and `digest.html.mustache`, written
/// out in Swift. Mustache looks every value up by name through reflection-like casts, which
/// at 100,000 readers cost more than everything else a send does; this lays the same view
/// out directly. The template files stay the reference: a test renders every reader of the
/// example and of a generated register both ways and requires the same bytes, and an
/// operator's own template in the templates folder is still rendered by Mustache.
enum BuiltInLayout {
    static func render(_ view: DigestView, as format: DigestFormat) -> String? {
        switch format {
        case .text: text(view)
        case .html: html(view)
        case .markdown, .print: nil
        }
    }

    private static let rule = "------------------------------------------------------------------\n"

    private static func text(_ view: DigestView) -> String {
        var out = ""
        out.reserveCapacity(8_192)
        for title in view.titles { out += title.text + "\n" }
        for note in view.bilingualNote { out += note.text + "\n" }
        for edition in view.editions {
            out += "\n__________________________________________________________________\n"
            if edition.showLanguageName { out += "[\(edition.languageName)]\n" }
            out += edition.title + "\n" + edition.issueLine + "\n" + edition.preparedFor + "\n"
            if let figures = edition.figures {
                out += "\n" + figures.heading + "\n" + rule
                for row in figures.rows { out += "- \(row.label): \(row.value)\n" }
            }
            if let nothingNew = edition.nothingNew { out += "\n" + nothingNew + "\n" }
            for section in edition.sections {
                out += "\n" + section.heading + "\n" + rule
                for item in section.items {
                    out += "\n- \(item.label): \(item.headline.text)"
                    if let note = item.headline.note { out += " (\(note))" }
                    if let organisation = item.organisation { out += " — \(organisation)" }
                    out += "\n"
                    for fact in item.facts { out += "  \(fact)\n" }
                    for paragraph in item.paragraphs {
                        out += "  "
                        if let lead = paragraph.lead { out += "\(lead): " }
                        out += paragraph.body.text
                        if let note = paragraph.body.note { out += " (\(note))" }
                        out += "\n"
                    }
                    for contact in item.contacts { out += "  \(contact)\n" }
                    if let stale = item.stale { out += "  ! \(stale)\n" }
                    if let link = item.link { out += "  \(item.linkLabel): \(link)\n" }
                    if let why = item.why { out += "  (\(why))\n" }
                }
            }
            if let more = edition.more { out += "\n" + more + "\n" }
            out += "\n" + edition.fundTeam + "\n"
            if let webCopy = edition.webCopy { out += "\(webCopy.text):\n\(webCopy.link)\n" }
            if let unsubscribe = edition.unsubscribe { out += "\(unsubscribe.text):\n\(unsubscribe.link)\n" }
        }
        return out
    }

    private static func html(_ view: DigestView) -> String {
        let e = HTMLEscaping.escape
        var out = ""
        out.reserveCapacity(24_576)
        out += """
            <!DOCTYPE html>
            <html lang="\(e(view.documentLang))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(view.pageTitle))</title>
            </head>
            <body style="margin:0;padding:0;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.45;">
            <main style="max-width:42em;margin:0 auto;padding:16px;">
            <h1 style="font-size:22px;line-height:1.25;margin:0 0 8px 0;color:#323a45;">
            """
        for title in view.titles { out += "<span lang=\"\(e(title.lang))\" style=\"display:block;\">\(e(title.text))</span>" }
        out += "</h1>\n"
        if view.isBilingual {
            out += "<p style=\"margin:0 0 16px 0;font-size:14px;\">"
            for note in view.bilingualNote { out += "<span lang=\"\(e(note.lang))\" style=\"display:block;\">\(e(note.text))</span>" }
            out += "</p>\n"
        }
        for edition in view.editions { html(edition, into: &out) }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private static func html(_ edition: DigestView.Edition, into out: inout String) {
        let e = HTMLEscaping.escape
        let note = { (note: String?) in note.map { " <em style=\"font-size:13px;\">(\(e($0)))</em>" } ?? "" }
        out += "<section lang=\"\(e(edition.lang))\" id=\"\(e(edition.anchor))\" style=\"border-top:3px solid #323a45;margin-top:16px;padding-top:8px;\">\n"
        if edition.showLanguageName {
            out += "<p style=\"margin:0;font-size:13px;font-weight:bold;text-transform:uppercase;letter-spacing:0.05em;\">\(e(edition.languageName))</p>\n"
        }
        out += "<h2 style=\"font-size:18px;margin:4px 0;\">\(e(edition.title))</h2>\n"
        out += "<p style=\"margin:0;font-size:14px;color:#505a5f;\">\(e(edition.issueLine))<br>\(e(edition.preparedFor))</p>\n"
        if let figures = edition.figures {
            out += "<h3 style=\"font-size:16px;margin:16px 0 4px 0;\">\(e(figures.heading))</h3>\n<ul style=\"margin:0;padding-left:20px;\">\n"
            for row in figures.rows { out += "<li><strong>\(e(row.label)):</strong> \(e(row.value))</li>\n" }
            out += "</ul>\n"
        }
        if let nothingNew = edition.nothingNew { out += "<p style=\"margin:16px 0;\">\(e(nothingNew))</p>\n" }
        for section in edition.sections {
            out += "<h3 style=\"font-size:16px;margin:16px 0 4px 0;\">\(e(section.heading))</h3>\n<ul style=\"margin:0;padding-left:20px;\">\n"
            for item in section.items {
                out += "<li style=\"margin:0 0 12px 0;\">\n<p style=\"margin:0;\"><span style=\"font-size:13px;color:#505a5f;\">\(e(item.label))</span><br>"
                out += "<strong lang=\"\(e(item.headline.lang))\">\(e(item.headline.text))</strong>\(note(item.headline.note))"
                if let organisation = item.organisation { out += " — \(e(organisation))" }
                out += "</p>\n"
                if item.hasFacts {
                    out += "<p style=\"margin:0;font-size:14px;\">"
                    for fact in item.facts { out += "<span style=\"display:inline-block;margin-right:12px;\">\(e(fact))</span>" }
                    out += "</p>\n"
                }
                for paragraph in item.paragraphs {
                    out += "<p style=\"margin:4px 0 0 0;\">"
                    if let lead = paragraph.lead { out += "<strong>\(e(lead)):</strong> " }
                    out += "<span lang=\"\(e(paragraph.body.lang))\">\(e(paragraph.body.text))</span>\(note(paragraph.body.note))</p>\n"
                }
                for contact in item.contacts { out += "<p style=\"margin:4px 0 0 0;font-size:14px;\">\(e(contact))</p>\n" }
                if let stale = item.stale { out += "<p style=\"margin:2px 0 0 0;font-size:14px;color:#8a4b00;\"><strong>⚠ \(e(stale))</strong></p>\n" }
                if let link = item.link {
                    out += "<p style=\"margin:2px 0 0 0;font-size:14px;\">\(e(item.linkLabel)): <a href=\"\(e(link))\" style=\"color:#1d70b8;\">\(e(link))</a></p>\n"
                }
                if let why = item.why { out += "<p style=\"margin:2px 0 0 0;font-size:13px;color:#505a5f;\">\(e(why))</p>\n" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        if let more = edition.more { out += "<p style=\"margin:16px 0 0 0;font-size:14px;\">\(e(more))</p>\n" }
        out += "<p style=\"margin:16px 0 0 0;font-size:14px;color:#505a5f;\">\(e(edition.fundTeam))</p>\n"
        if let webCopy = edition.webCopy {
            out += "<p style=\"margin:4px 0 0 0;font-size:14px;color:#505a5f;\">\(e(webCopy.text)): <a href=\"\(e(webCopy.link))\" style=\"color:#1d70b8;\">\(e(webCopy.action))</a></p>\n"
        }
        if let unsubscribe = edition.unsubscribe {
            out += "<p style=\"margin:4px 0 0 0;font-size:14px;color:#505a5f;\">\(e(unsubscribe.text)): <a href=\"\(e(unsubscribe.link))\" style=\"color:#1d70b8;\">\(e(unsubscribe.action))</a></p>\n"
        }
        out += "</section>\n"
    }
}
