extension Project {
    static let columns = CSVTable.Columns(
        required: [
            "project_id", "fund_id", "title_en", "organisation", "sector", "region", "themes",
            "investment", "projected_savings", "status", "approved_on", "evaluation",
            "contact_name", "contact_email", "contact_confirmed_on",
        ],
        optional: [
            "title_cy", "summary_en", "summary_cy", "organisation_size", "achieved_savings",
            "completed_on", "evaluated_on", "evaluation_summary_en", "evaluation_summary_cy",
            "contact_role", "contact_phone", "link",
        ])

    static func decode(
        _ reader: RecordReader, ids: inout UniqueIDs<Project>, funds: Set<FundID>, themes: Set<ThemeID>
    ) -> Project? {
        let id = ids.claim("project_id", in: reader)
        let fund = reader.reference("fund_id", in: funds, kind: "fund in funds.csv")
        let title = reader.localized("title")
        let summary = reader.localized("summary", required: false, multiline: true)
        let organisation = Organisation.decode(reader, nameField: "organisation")
        let projectThemes = reader.references("themes", in: themes, kind: "theme in themes.csv", required: true)
        let investment = reader.money("investment")
        let projected = reader.money("projected_savings")
        let achieved = reader.money("achieved_savings", required: false)
        let status: ProjectStatus? = reader.choice("status")
        let approvedOn = reader.date("approved_on")
        let completedOn = reader.date("completed_on", required: false)
        let evaluation = Evaluation.decode(reader)
        let contact = Contact.decode(reader)
        let link = reader.url("link")

        if let approvedOn, let completedOn, completedOn < approvedOn {
            reader.report(.inconsistent("completed_on \(completedOn) is before approved_on \(approvedOn)"), "completed_on")
        }
        guard let id, let fund, let title, let organisation, !projectThemes.isEmpty, let investment,
              let projected, let status, let approvedOn, let evaluation, let contact else { return nil }
        return Project(
            id: id, fund: fund, title: title, summary: summary, organisation: organisation,
            themes: projectThemes, investment: investment, projectedSavings: projected,
            achievedSavings: achieved, status: status, approvedOn: approvedOn, completedOn: completedOn,
            evaluation: evaluation, contact: contact, link: link)
    }
}

extension Organisation {
    /// The organisation columns shared by projects and subscribers.
    static func decode(_ reader: RecordReader, nameField: String) -> Organisation? {
        let name = reader.string(nameField)
        let sector: Sector? = reader.choice("sector")
        let region: Region? = reader.choice("region")
        let size: OrganisationSize? = reader.choice("organisation_size", required: false)
        guard let name, let sector, let region else { return nil }
        return Organisation(name: name, sector: sector, region: region, size: size)
    }
}

extension Evaluation {
    static func decode(_ reader: RecordReader) -> Evaluation? {
        guard let kind: Kind = reader.choice("evaluation") else { return nil }
        guard kind != .none else {
            for field in ["evaluated_on", "evaluation_summary_en"] where reader.string(field, required: false, multiline: true) != nil {
                reader.report(.inconsistent("\(field) is filled in but evaluation is \"none\""), "evaluation")
            }
            return Evaluation.none
        }
        let publishedOn = reader.date("evaluated_on")
        let summary = reader.localized("evaluation_summary", multiline: true)
        guard let publishedOn, let summary else { return nil }
        return Evaluation(kind: kind, publishedOn: publishedOn, summary: summary)
    }
}

extension Contact {
    static func decode(_ reader: RecordReader) -> Contact? {
        let name = reader.string("contact_name")
        let role = reader.string("contact_role", required: false)
        let email = reader.email("contact_email")
        let phone = reader.string("contact_phone", required: false)
        let confirmedOn = reader.date("contact_confirmed_on")
        guard let name, let email, let confirmedOn else { return nil }
        return Contact(name: name, role: role, email: email, phone: phone, confirmedOn: confirmedOn)
    }
}
