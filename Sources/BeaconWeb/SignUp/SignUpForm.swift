import BeaconCore
import BeaconLedger
import Foundation

/// The sign-up form for one digest: what it asks, and what was posted, checked as the register
/// checks a subscriber (an address mail servers accept, one-line texts of a line's length, known
/// sectors, regions, audiences and themes).
struct SignUpForm: Sendable {
    let digest: DigestDefinition
    let audiences: [Audience]
    let themes: [Theme]

    struct Values: Sendable {
        var name = ""
        var email = ""
        var organisation = ""
        var sector = ""
        var region = ""
        var audience = ""
        var language = LanguagePreference.both.rawValue
        var interests: Set<String> = []
    }

    /// A fresh form: one audience is chosen for the reader when there is only one.
    var blank: Values {
        var values = Values()
        if audiences.count == 1 { values.audience = audiences[0].id.rawValue }
        return values
    }

    func values(posted form: FormBody) -> Values {
        Values(
            name: form["name"] ?? "", email: (form["email"] ?? "").trimmingCharacters(in: .whitespaces), organisation: form["organisation"] ?? "",
            sector: form["sector"] ?? "", region: form["region"] ?? "",
            audience: audiences.count == 1 ? audiences[0].id.rawValue : form["audience"] ?? "",
            language: form["language"] ?? "", interests: Set(form.all("interests")))
    }

    /// The sign-up to record (its id and dates still to be given), or the problems to show.
    func signUp(from values: Values, id: String, at now: Date) -> Result<SignUp, FormProblems> {
        var problems: [FormFields.Problem] = []
        let name = line(values.name, field: "name", what: Bilingual("eich enw", "your name"), into: &problems)
        if values.email.isEmpty {
            problems.append(.init(field: "email", message: Bilingual("Rhowch eich cyfeiriad e-bost", "Enter your email address")))
        } else if EmailAddress.problem(with: values.email) != nil {
            problems.append(.init(field: "email", message: Bilingual(
                "Rhowch gyfeiriad e-bost yn y ffurf gywir, fel enw@enghraifft.cymru", "Enter an email address in the correct format, like name@example.org")))
        }
        let organisation = line(values.organisation, field: "organisation", what: Bilingual("eich sefydliad", "your organisation"), into: &problems)
        let sector = Sector(rawValue: values.sector)
        if sector == nil { problems.append(.init(field: "sector", message: Bilingual("Dewiswch eich sector", "Choose your sector"))) }
        let region = Region(rawValue: values.region)
        if region == nil { problems.append(.init(field: "region", message: Bilingual("Dewiswch eich rhanbarth", "Choose your region"))) }
        let audience = audiences.first { $0.id.rawValue == values.audience }
        if audience == nil { problems.append(.init(field: "audience", message: Bilingual("Dewiswch ar gyfer pwy", "Choose who it is for"))) }
        let language = LanguagePreference(rawValue: values.language)
        if language == nil { problems.append(.init(field: "language", message: Bilingual("Dewiswch iaith", "Choose a language"))) }
        if !values.interests.isSubset(of: Set(themes.map(\.id.rawValue))) {
            problems.append(.init(field: "interests", message: Bilingual("Dewiswch o'r pynciau a restrir", "Choose from the topics listed")))
        }
        guard problems.isEmpty, let name, let organisation, let sector, let region, let audience, let language else {
            return .failure(FormProblems(list: problems))
        }
        return .success(SignUp(
            id: id, digest: digest.id, name: name, email: values.email.lowercased(), audience: audience.id,
            organisation: Organisation(name: organisation, sector: sector, region: region, size: nil),
            interests: themes.map(\.id).filter { values.interests.contains($0.rawValue) }, language: language,
            requestedAt: now, expiresAt: now.addingTimeInterval(SignUp.lifetime)))
    }

    private func line(_ text: String, field: String, what: Bilingual, into problems: inout [FormFields.Problem]) -> String? {
        switch TypedLine.check(text) {
        case .success(let line):
            return line
        case .failure(.empty):
            problems.append(.init(field: field, message: Bilingual("Rhowch ", "Enter ") + what))
        case .failure(.tooLong):
            problems.append(.init(field: field, message: Bilingual("Mae hyn yn rhy hir: ", "This is too long: ") + what))
        case .failure(.forbiddenCharacter):
            problems.append(.init(field: field, message: Bilingual(
                "Mae nod na ellir ei ddefnyddio yma: ", "This has a character that cannot be used: ") + what))
        }
        return nil
    }
}
