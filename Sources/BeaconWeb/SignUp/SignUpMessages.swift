import BeaconChannelAPI
import BeaconCore
import BeaconLedger

/// The emails a sign-up sends: the link to confirm, or, for an address already getting the
/// digest, a note saying so with the link to its choices. Either comes after the same page.
enum SignUpMessages {
    static func confirmation(_ signUp: SignUp, digest: DigestDefinition, link: String, reference: String) -> OneOffMessage {
        let title = Bilingual(digest.title)
        return message(
            signUp, reference: reference,
            subject: Bilingual("Cadarnhewch eich tanysgrifiad: ", "Confirm your subscription: ") + title,
            paragraphs: [
                Bilingual("Helo \(signUp.name),", "Hello \(signUp.name),"),
                Bilingual(
                    "Gofynnodd rhywun (chi, gobeithio) am gael \(title.welsh) yn \(signUp.email). I gadarnhau, agorwch y ddolen hon a phwyso ‘Cadarnhau’:",
                    "Someone (we hope you) asked for \(title.english) to be sent to \(signUp.email). To confirm, open this link and press ‘Confirm’:"),
            ],
            link: link,
            after: Bilingual(
                "Mae'r ddolen yn dod i ben ymhen 7 diwrnod. Os nad chi a ofynnodd, anwybyddwch yr e-bost hwn: ni fyddwn yn anfon dim arall.",
                "The link expires in 7 days. If it was not you, ignore this email: we will send nothing more."))
    }

    static func alreadySubscribed(_ signUp: SignUp, digest: DigestDefinition, preferences: String, reference: String) -> OneOffMessage {
        let title = Bilingual(digest.title)
        return message(
            signUp, reference: reference, subject: Bilingual("Rydych eisoes yn tanysgrifio: ", "You are already subscribed: ") + title,
            paragraphs: [
                Bilingual("Helo,", "Hello,"),
                Bilingual(
                    "Gofynnodd rhywun am gael \(title.welsh) yn \(signUp.email). Mae'r cyfeiriad hwn eisoes yn ei gael, felly nid oes angen gwneud dim. I newid eich dewisiadau:",
                    "Someone asked for \(title.english) to be sent to \(signUp.email). This address already gets it, so there is nothing to do. To change your choices:"),
            ],
            link: preferences,
            after: Bilingual("Os nad chi a ofynnodd, anwybyddwch yr e-bost hwn.", "If it was not you, ignore this email."))
    }

    /// Text and HTML with the same words, in the reader's languages, Welsh first.
    private static func message(_ signUp: SignUp, reference: String, subject: Bilingual, paragraphs: [Bilingual], link: String, after: Bilingual) -> OneOffMessage {
        let languages = signUp.language.languages
        let words = { (text: Bilingual, language: Language) in language == .welsh ? text.welsh : text.english }
        let text = languages.map { language in
            (paragraphs.map { words($0, language) } + [link, words(after, language)]).joined(separator: "\n\n")
        }.joined(separator: "\n\n----------\n\n") + "\n"
        let sections = languages.map { language in
            "<section lang=\"\(language.rawValue)\">\n"
                + paragraphs.map { "<p>\(HTML.escape(words($0, language)))</p>\n" }.joined()
                + "<p><a href=\"\(HTML.escape(link))\">\(HTML.escape(link))</a></p>\n<p>\(HTML.escape(words(after, language)))</p>\n</section>\n"
        }.joined(separator: "<hr>\n")
        let subjectLine = languages.map { words(subject, $0) }.joined(separator: " / ")
        let html = """
            <!DOCTYPE html>
            <html lang="\(languages[0].rawValue)">
            <head><meta charset="utf-8"><title>\(HTML.escape(subjectLine))</title></head>
            <body>
            \(sections)</body>
            </html>

            """
        return OneOffMessage(
            reference: reference, name: signUp.name, email: signUp.email, language: signUp.language, subject: subjectLine, text: text, html: html)
    }
}
