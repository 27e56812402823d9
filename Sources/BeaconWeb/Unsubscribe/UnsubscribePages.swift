import BeaconChannelAPI
import BeaconCore

/// What `/u/TOKEN` shows: who and what the link is about, and one button; after it, the undo.
struct UnsubscribePages {
    let linked: LinkedReader
    let digest: DigestDefinition
    let addressee: Addressee
    let path: String
    let formGuard: FormGuard
    let preferencesPath: String?

    private var title: Bilingual { Bilingual(digest.title) }

    /// Who the link is for: a name and an address partly hidden.
    private var whom: String {
        let address = MaskedAddress.of(addressee.email)
        return Bilingual("Mae'r ddolen hon ar gyfer \(addressee.name) (\(address)).", "This link is for \(addressee.name) (\(address)).").paragraphs()
    }

    func confirm() -> Page {
        // The title after a colon: "o" before it would mutate a Welsh title's first letter.
        var body = "<h1>\((Bilingual("Dad-danysgrifio: ", "Unsubscribe: ") + title).inline)</h1>\n" + whom
        body += Bilingual(
            "Ar ôl dad-danysgrifio, ni chewch ragor o rifynnau o'r crynodeb hwn. Gallwch newid eich meddwl wedyn.",
            "Once you unsubscribe you will get no more issues of this digest. You can change your mind afterwards.").paragraphs()
        body += form(FormFields.button(Bilingual("Dad-danysgrifio", "Unsubscribe"), name: "action", value: "unsubscribe", style: "warning"))
        if let preferencesPath {
            body += "<p><a href=\"\(HTML.escape(preferencesPath))\">\(Bilingual("Newid fy newisiadau yn lle hynny", "Change my preferences instead").inline)</a></p>\n"
        }
        return Page(title: Bilingual("Dad-danysgrifio", "Unsubscribe"), body: body)
    }

    func unsubscribed() -> Page {
        var body = "<div class=\"panel\">\n<h1>\(Bilingual("Rydych wedi dad-danysgrifio", "You are unsubscribed").inline)</h1>\n"
        body += Bilingual(
            "Ni fydd \(addressee.name) (\(MaskedAddress.of(addressee.email))) yn cael rhagor o rifynnau o'r crynodeb hwn:",
            "\(addressee.name) (\(MaskedAddress.of(addressee.email))) will get no more issues of this digest:").paragraphs()
        body += title.paragraphs()
        body += "</div>\n"
        body += Bilingual("Wedi gwneud camgymeriad? Gallwch danysgrifio eto.", "Made a mistake? You can subscribe again.").paragraphs()
        body += form(FormFields.button(Bilingual("Dad-wneud: tanysgrifio eto", "Undo: subscribe again"), name: "action", value: "undo", style: "secondary"))
        return Page(title: Bilingual("Rydych wedi dad-danysgrifio", "You are unsubscribed"), body: body)
    }

    func resubscribed() -> Page {
        var body = "<div class=\"panel\">\n<h1>\(Bilingual("Rydych wedi tanysgrifio eto", "You are subscribed again").inline)</h1>\n"
        body += Bilingual("Byddwch yn cael y crynodeb hwn eto o'r rhifyn nesaf ymlaen:", "You will get this digest again from the next issue:").paragraphs()
        body += title.paragraphs()
        body += "</div>\n"
        if let preferencesPath {
            body += "<p><a href=\"\(HTML.escape(preferencesPath))\">\(Bilingual("Newid fy newisiadau", "Change my preferences").inline)</a></p>\n"
        }
        return Page(title: Bilingual("Rydych wedi tanysgrifio eto", "You are subscribed again"), body: body)
    }

    private func form(_ button: String) -> String {
        "<form method=\"post\" action=\"\(HTML.escape(path))\" novalidate>\n\(formGuard.field(for: path))\n\(button)</form>\n"
    }

    /// The answer to a mail client's one-click request, and to any link whose digest or reader
    /// is gone: nothing to do, said without naming anyone.
    static let oneClickDone = Page(
        title: Bilingual("Rydych wedi dad-danysgrifio", "You are unsubscribed"),
        body: PlainPages.heading(Bilingual("Rydych wedi dad-danysgrifio", "You are unsubscribed"))
            + Bilingual("Ni chewch ragor o rifynnau o'r crynodeb hwn.", "You will get no more issues of this digest.").paragraphs())

    static let nothingToChange = Page(
        title: Bilingual("Dim i'w newid", "Nothing to change"),
        body: PlainPages.heading(Bilingual("Dim i'w newid", "Nothing to change"))
            + Bilingual("Nid yw'r crynodeb hwn yn cael ei anfon i'r cyfeiriad hwn mwyach.", "This digest is no longer sent to this address.").paragraphs())
}
