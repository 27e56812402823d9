import BeaconCore
import BeaconLedger

/// `/c/TOKEN`: the button that confirms a sign-up, with the words the reader agrees to, and
/// the pages after it.
struct ConfirmSignUpPages {
    let digest: DigestDefinition
    let path: String
    let formGuard: FormGuard

    private var title: Bilingual { Bilingual(digest.title) }

    func confirm(_ signUp: SignUp) -> Page {
        var body = "<h1>\((Bilingual("Cadarnhau eich tanysgrifiad: ", "Confirm your subscription: ") + title).inline)</h1>\n"
        body += Bilingual(
            "Ar gyfer \(signUp.name) (\(MaskedAddress.of(signUp.email))).", "For \(signUp.name) (\(MaskedAddress.of(signUp.email))).").paragraphs()
        body += "<div class=\"notice\">\n" + ConsentWording.text.paragraphs() + "</div>\n"
        body += "<form method=\"post\" action=\"\(HTML.escape(path))\" novalidate>\n\(formGuard.field(for: path))\n"
        body += FormFields.button(Bilingual("Cadarnhau", "Confirm")) + "</form>\n"
        return Page(title: Bilingual("Cadarnhau eich tanysgrifiad", "Confirm your subscription"), body: body)
    }

    func confirmed(preferences: String) -> Page {
        var body = "<div class=\"panel\">\n<h1>\(Bilingual("Rydych wedi tanysgrifio", "You are subscribed").inline)</h1>\n"
        body += Bilingual("Byddwch yn cael y crynodeb hwn o'r rhifyn nesaf ymlaen:", "You will get this digest from the next issue:").paragraphs()
        body += title.paragraphs()
        body += "</div>\n"
        body += "<p><a href=\"\(HTML.escape(preferences))\">\(Bilingual("Newid fy newisiadau", "Change my choices").inline)</a></p>\n"
        return Page(title: Bilingual("Rydych wedi tanysgrifio", "You are subscribed"), body: body)
    }

    func expired() -> Page {
        Page(
            title: Bilingual("Mae'r ddolen wedi dod i ben", "This link has expired"),
            body: PlainPages.heading(Bilingual("Mae'r ddolen wedi dod i ben", "This link has expired"))
                + Bilingual(
                    "Mae dolenni cadarnhau yn dod i ben ar ôl 7 diwrnod. Gallwch danysgrifio eto.",
                    "Confirmation links expire after 7 days. You can subscribe again.").paragraphs()
                + (digest.openToSignup
                    ? "<p><a href=\"/subscribe/\(HTML.escape(digest.id.rawValue))\">\(Bilingual("Tanysgrifio", "Subscribe").inline)</a></p>\n" : ""))
    }

    /// A sign-up removed after it expired, or whose digest is gone.
    static let gone = Page(
        title: Bilingual("Mae'r ddolen wedi dod i ben", "This link has expired"),
        body: PlainPages.heading(Bilingual("Mae'r ddolen wedi dod i ben", "This link has expired"))
            + Bilingual(
                "Mae dolenni cadarnhau yn dod i ben ar ôl 7 diwrnod. Gallwch danysgrifio eto.",
                "Confirmation links expire after 7 days. You can subscribe again.").paragraphs())
}
