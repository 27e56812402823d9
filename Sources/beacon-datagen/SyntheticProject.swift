import BeaconCore

/// One generated project and its row in `projects.csv`.
struct SyntheticProject {
    static let columns = [
        "project_id", "fund_id", "title_en", "title_cy", "summary_en", "summary_cy", "organisation", "sector", "region",
        "organisation_size", "themes", "investment", "projected_savings", "achieved_savings", "status", "approved_on",
        "completed_on", "evaluation", "evaluated_on", "evaluation_summary_en", "evaluation_summary_cy", "contact_name",
        "contact_role", "contact_email", "contact_phone", "contact_confirmed_on", "link",
    ]

    let id: String
    let fund: String
    let titleEnglish: String
    let titleWelsh: String
    let organisation: Catalogue.Organisation
    let themes: [String]
    /// Whole pounds.
    let investment: Int
    let projected: Int
    let achieved: Int?
    let status: String
    let approved: CivilDate
    let completed: CivilDate?
    let evaluation: String
    let evaluated: CivilDate?
    let contact: String
    let contactEmail: String
    let confirmed: CivilDate

    var row: [String] {
        let evaluated = evaluated.map(\.description) ?? ""
        return [
            id, fund, titleEnglish, titleWelsh,
            "A repayable loan of \(CSV.pounds(investment)) to \(titleEnglish.prefix(1).lowercased() + titleEnglish.dropFirst()).",
            "Benthyciad ad-daladwy o \(CSV.pounds(investment)) ar gyfer \(titleWelsh.prefix(1).lowercased() + titleWelsh.dropFirst()).",
            organisation.name, organisation.sector, organisation.region, organisation.size, themes.joined(separator: ";"),
            CSV.pounds(investment), CSV.pounds(projected), achieved.map(CSV.pounds) ?? "", status, approved.description,
            completed.map(\.description) ?? "", evaluation, evaluated,
            evaluated.isEmpty ? "" : "Savings confirmed against the baseline; staff time released for front-line work.",
            evaluated.isEmpty ? "" : "Arbedion wedi'u cadarnhau yn erbyn y llinell sylfaen; amser staff wedi'i ryddhau ar gyfer gwaith rheng flaen.",
            contact, "Project lead", contactEmail, "", confirmed.description, "",
        ]
    }
}
