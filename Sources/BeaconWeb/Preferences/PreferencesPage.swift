import BeaconCore

/// `/p/TOKEN`: language, how often, topics, channels and a pause, for one reader, in one form.
struct PreferencesPage {
    let form: PreferencesForm
    let name: String
    let address: String
    let path: String
    let unsubscribePath: String
    let formGuard: FormGuard

    func page(_ values: PreferencesForm.Values, problems: [FormFields.Problem] = [], saved: Bool = false) -> Page {
        var body = FormFields.errorSummary(problems)
        if saved {
            body += "<div class=\"panel\" role=\"status\">\n<h2>\(Bilingual("Cadwyd eich dewisiadau", "Your choices are saved").inline)</h2>\n"
            body += Bilingual("Byddant yn cael eu defnyddio o'r rhifyn nesaf.", "They apply from the next issue.").paragraphs() + "</div>\n"
        }
        body += "<h1>\((Bilingual("Eich dewisiadau: ", "Your choices: ") + Bilingual(form.digest.title)).inline)</h1>\n"
        body += Bilingual(
            "Ar gyfer \(name) (\(MaskedAddress.of(address))). Mae'r dewisiadau hyn yn berthnasol i bob crynodeb a gewch gennym.",
            "For \(name) (\(MaskedAddress.of(address))). These choices apply to every digest you get from us.").paragraphs()
        body += "<form method=\"post\" action=\"\(HTML.escape(path))\" novalidate>\n\(formGuard.field(for: path))\n"
        body += FormFields.choices(
            "language", legend: Bilingual("Ym mha iaith hoffech chi gael y crynodeb?", "Which language would you like the digest in?"),
            options: Self.languages, chosen: [values.language], multiple: false, problem: problem("language", problems))
        if !form.frequencies.isEmpty {
            body += FormFields.choices(
                "frequency", legend: Bilingual("Pa mor aml?", "How often?"),
                options: form.frequencies.map { ($0.rawValue, Self.wording($0, own: $0 == form.digest.frequency)) }, chosen: [values.frequency],
                multiple: false, hint: Bilingual(
                    "Os dewiswch yn llai aml, bydd pob rhifyn a gewch yn cynnwys popeth ers eich un diwethaf.",
                    "If you choose less often, each issue you get covers everything since your last."),
                problem: problem("frequency", problems))
        }
        body += FormFields.choices(
            "interests", legend: Bilingual("Pa bynciau sydd o ddiddordeb i chi?", "Which topics interest you?"),
            options: form.themes.map { ($0.id.rawValue, Bilingual($0.label)) }, chosen: values.interests, multiple: true,
            hint: Bilingual("Dewiswch gymaint ag y mynnwch. Caiff prosiectau ar y pynciau hyn eu codi'n uwch.",
                            "Choose as many as you like. Projects on these topics are placed higher."),
            problem: problem("interests", problems))
        if !form.channels.isEmpty {
            body += FormFields.choices(
                "channels", legend: Bilingual("Sut hoffech chi gael y crynodeb?", "How would you like to get the digest?"),
                options: form.channels.map { ($0.rawValue, Self.wording($0)) }, chosen: values.channels, multiple: true,
                problem: problem("channels", problems))
        }
        body += FormFields.text(
            "paused_until", label: Bilingual("Oedi tan (dewisol)", "Pause until (optional)"), value: values.pausedUntil,
            hint: Bilingual("Ni anfonir dim cyn y dyddiad hwn. Er enghraifft, 2027-03-31. Gadewch yn wag i beidio ag oedi.",
                            "Nothing is sent before this date. For example, 2027-03-31. Leave empty not to pause."),
            problem: problem("paused_until", problems), type: "date")
        body += FormFields.button(Bilingual("Cadw fy newisiadau", "Save my choices"))
        body += "</form>\n"
        body += "<p><a href=\"\(HTML.escape(unsubscribePath))\">\(Bilingual("Dad-danysgrifio yn lle hynny", "Unsubscribe instead").inline)</a></p>\n"
        return Page(title: Bilingual("Eich dewisiadau", "Your choices"), body: body, hasErrors: !problems.isEmpty)
    }

    private func problem(_ field: String, _ problems: [FormFields.Problem]) -> FormFields.Problem? {
        problems.first { $0.field == field }
    }

    static let languages: [(value: String, label: Bilingual)] = [
        (LanguagePreference.welsh.rawValue, Bilingual("Cymraeg", "Welsh")),
        (LanguagePreference.english.rawValue, Bilingual("Saesneg", "English")),
        (LanguagePreference.both.rawValue, Bilingual("Cymraeg a Saesneg", "Welsh and English")),
    ]

    static func wording(_ frequency: Frequency, own: Bool) -> Bilingual {
        let words = switch frequency {
        case .weekly: Bilingual("Bob wythnos", "Every week")
        case .fortnightly: Bilingual("Bob pythefnos", "Every fortnight")
        case .monthly: Bilingual("Bob mis", "Every month")
        case .quarterly: Bilingual("Bob chwarter", "Every quarter")
        case .perMeeting: Bilingual("Cyn pob cyfarfod", "Before each meeting")
        }
        return own ? words + Bilingual(" (fel y caiff ei anfon)", " (as it is sent)") : words
    }

    static func wording(_ channel: ChannelName) -> Bilingual {
        switch channel.rawValue {
        case "email": Bilingual("E-bost", "Email")
        case "rss": Bilingual("Ffrwd RSS", "RSS feed")
        case "json-feed": Bilingual("Ffrwd JSON", "JSON feed")
        case "bulletin": Bilingual("Bwletin y cyfarfod", "Meeting bulletin")
        default: Bilingual(channel.rawValue, channel.rawValue)
        }
    }
}
