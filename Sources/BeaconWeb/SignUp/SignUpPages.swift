import BeaconCore

/// `/subscribe/DIGEST`: the form, and the one answer everyone gets after sending it, whether
/// the address was new, already subscribed, or asked too often (so the page tells nobody who
/// is on the list).
struct SignUpPages {
    let form: SignUpForm
    let path: String
    let formGuard: FormGuard

    private var title: Bilingual { Bilingual(form.digest.title) }

    func form(_ values: SignUpForm.Values, problems: [FormFields.Problem] = []) -> Page {
        let problem = { (field: String) in problems.first { $0.field == field } }
        var body = FormFields.errorSummary(problems)
        body += "<h1>\((Bilingual("Tanysgrifio: ", "Subscribe: ") + title).inline)</h1>\n"
        body += Bilingual(
            "Byddwn yn anfon e-bost atoch i gadarnhau. Ni anfonir dim arall nes i chi gadarnhau.",
            "We will email you to confirm. Nothing else is sent until you confirm.").paragraphs()
        body += "<form method=\"post\" action=\"\(HTML.escape(path))\" novalidate>\n\(formGuard.field(for: path))\n"
        body += FormFields.text("name", label: Bilingual("Eich enw", "Your name"), value: values.name, problem: problem("name"), autocomplete: "name")
        body += FormFields.text(
            "email", label: Bilingual("Cyfeiriad e-bost", "Email address"), value: values.email,
            hint: Bilingual("Byddwn yn anfon dolen gadarnhau i'r cyfeiriad hwn.", "We will send a confirmation link to this address."),
            problem: problem("email"), type: "email", autocomplete: "email")
        body += FormFields.text(
            "organisation", label: Bilingual("Eich sefydliad", "Your organisation"), value: values.organisation,
            hint: Bilingual("Er enghraifft, Cyngor Sir Ceredigion.", "For example, Ceredigion County Council."),
            problem: problem("organisation"), autocomplete: "organization")
        body += FormFields.choices(
            "sector", legend: Bilingual("Sector", "Sector"), options: Sector.allCases.map { ($0.rawValue, Bilingual($0.label)) },
            chosen: [values.sector], multiple: false, problem: problem("sector"))
        body += FormFields.choices(
            "region", legend: Bilingual("Rhanbarth", "Region"), options: Region.allCases.map { ($0.rawValue, Bilingual($0.label)) },
            chosen: [values.region], multiple: false, problem: problem("region"))
        if form.audiences.count > 1 {
            body += FormFields.choices(
                "audience", legend: Bilingual("Ar gyfer pwy?", "Who is it for?"), options: form.audiences.map { ($0.id.rawValue, Bilingual($0.name)) },
                chosen: [values.audience], multiple: false, problem: problem("audience"))
        }
        body += FormFields.choices(
            "language", legend: Bilingual("Ym mha iaith hoffech chi gael y crynodeb?", "Which language would you like the digest in?"),
            options: PreferencesPage.languages, chosen: [values.language], multiple: false, problem: problem("language"))
        body += FormFields.choices(
            "interests", legend: Bilingual("Pa bynciau sydd o ddiddordeb i chi? (dewisol)", "Which topics interest you? (optional)"),
            options: form.themes.map { ($0.id.rawValue, Bilingual($0.label)) }, chosen: values.interests, multiple: true,
            problem: problem("interests"))
        body += FormFields.button(Bilingual("Parhau", "Continue"))
        body += "</form>\n"
        return Page(title: Bilingual("Tanysgrifio", "Subscribe"), body: body, hasErrors: !problems.isEmpty)
    }

    static let checkYourEmail = Page(
        title: Bilingual("Edrychwch ar eich e-bost", "Check your email"),
        body: "<div class=\"panel\">\n" + PlainPages.heading(Bilingual("Edrychwch ar eich e-bost", "Check your email"))
            + Bilingual(
                "Os gellir tanysgrifio'r cyfeiriad hwn, rydym wedi anfon e-bost ato. Agorwch y ddolen ynddo o fewn 7 diwrnod i orffen.",
                "If this address can be subscribed, we have sent it an email. Open the link in it within 7 days to finish.").paragraphs()
            + "</div>\n"
            + Bilingual(
                "Dim e-bost? Edrychwch yn eich ffolder sothach, neu arhoswch awr a rhowch gynnig arall arni.",
                "No email? Look in your junk folder, or wait an hour and try again.").paragraphs())
}
