import BeaconCore
import Foundation

/// Builds each file of a synthetic `Config/` from the catalogue: projects with a year of
/// updates, lessons, notices, network actions, subscribers, and the example's settings and
/// digest definitions.
struct SyntheticRegister {
    let asOf: CivilDate
    var random: SeededRandom

    init(asOf: CivilDate, random: SeededRandom) {
        self.asOf = asOf
        self.random = random
    }

    mutating func write(projects count: Int, subscribers: Int, into config: URL) throws {
        let register = config.appendingPathComponent("register")
        try FileManager.default.createDirectory(at: register, withIntermediateDirectories: true)
        let files = TextFiles(folder: config)
        try files.write("beacon.yml", Self.settings)
        try files.write("audiences.yml", Self.audiences(asOf: asOf))
        try files.write("digests.yml", Self.digests)
        try files.write("register/funds.csv", CSV.table(["fund_id", "name_en", "name_cy"], [
            ["invest-to-save", "Invest to Save", "Buddsoddi i Arbed"],
            ["decarbonisation-loans", "Public Sector Decarbonisation Loans", "Benthyciadau Datgarboneiddio'r Sector Cyhoeddus"],
        ]))
        try files.write("register/themes.csv", CSV.table(["theme_id", "label_en", "label_cy"], Catalogue.themes.map { [$0.id, $0.english, $0.welsh] }))
        let projects = (1...max(count, 1)).map { makeProject($0) }
        try files.write("register/projects.csv", CSV.table(SyntheticProject.columns, projects.map(\.row)))
        try files.write("register/updates.csv", CSV.table(
            ["update_id", "project_id", "reported_on", "milestone_en", "milestone_cy", "rag", "savings_to_date", "next_steps_en", "next_steps_cy"],
            updates(for: projects)))
        try files.write("register/lessons.csv", CSV.table(
            ["lesson_id", "project_id", "recorded_on", "worked_en", "worked_cy", "went_wrong_en", "went_wrong_cy", "overcome_en", "overcome_cy"],
            lessons(for: projects)))
        try files.write("register/notices.csv", CSV.table(
            ["notice_id", "fund_id", "kind", "title_en", "title_cy", "details_en", "details_cy", "published_on", "event_on", "sectors", "link"],
            notices()))
        try files.write("register/actions.csv", CSV.table(
            ["action_id", "network_id", "action_en", "action_cy", "owner", "raised_on", "due_on", "status", "closed_on", "project_id"],
            actions(for: projects)))
        try files.write("subscribers.csv", CSV.table(
            ["subscriber_id", "name", "email", "audience", "organisation", "sector", "region", "organisation_size", "interests", "language", "channels", "frequency", "consent_on", "unsubscribed_on"],
            (1...max(subscribers, 1)).map { makeSubscriber($0) }))
    }

    // MARK: - Records

    private mutating func makeProject(_ index: Int) -> SyntheticProject {
        let organisation = Catalogue.organisations.randomElement(using: &random)!
        let theme = Catalogue.themes.randomElement(using: &random)!
        var other = Catalogue.themes.randomElement(using: &random)!
        if other.id == theme.id { other = Catalogue.themes[(Catalogue.themes.firstIndex { $0.id == theme.id }! + 1) % Catalogue.themes.count] }
        let work = theme.works.randomElement(using: &random)!
        let approved = asOf.adding(days: -Int.random(in: 30...(4 * 365), using: &random))
        let investment = Int.random(in: 5...200, using: &random) * 10_000
        let status = ["approved", "in-progress", "in-progress", "completed", "repaying", "repaying", "repaid", "withdrawn"].randomElement(using: &random)!
        let finished = ["completed", "repaying", "repaid"].contains(status)
        let completed = finished ? min(approved.adding(days: Int.random(in: 120...540, using: &random)), asOf.adding(days: -1)) : nil
        let evaluation = finished ? ["none", "internal", "independent"].randomElement(using: &random)! : "none"
        let evaluated = evaluation == "none" ? nil : min((completed ?? approved).adding(days: Int.random(in: 30...400, using: &random)), asOf.adding(days: -1))
        let person = personName()
        return SyntheticProject(
            id: String(format: "GEN-%06d", index), fund: random.next() % 5 == 0 ? "decarbonisation-loans" : "invest-to-save",
            titleEnglish: "\(work.english) at \(organisation.name)", titleWelsh: "\(work.welsh) yn \(organisation.name)",
            organisation: organisation, themes: [theme.id, other.id], investment: investment,
            projected: investment * Int.random(in: 12...25, using: &random) / 10,
            achieved: finished ? investment * Int.random(in: 3...20, using: &random) / 10 : nil,
            status: status, approved: approved, completed: completed, evaluation: evaluation, evaluated: evaluated,
            contact: person, contactEmail: "\(person.lowercased().replacingOccurrences(of: " ", with: "."))@\(organisation.domain)",
            confirmed: asOf.adding(days: -Int.random(in: 10...600, using: &random)))
    }

    /// One to four updates per live project over the year before the issue date.
    private mutating func updates(for projects: [SyntheticProject]) -> [[String]] {
        var rows: [[String]] = []
        for project in projects where project.status != "withdrawn" {
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let day = asOf.adding(days: -Int.random(in: 1...365, using: &random))
                guard day > project.approved else { continue }
                let rag = ["green", "green", "green", "amber", "red"].randomElement(using: &random)!
                let (english, welsh) = rag == "red"
                    ? ("Supplier delay: the next phase has slipped by \(Int.random(in: 2...12, using: &random)) weeks", "Oedi gan gyflenwr: mae'r cam nesaf wedi llithro")
                    : ("Phase \(Int.random(in: 1...4, using: &random)) complete; savings on track", "Cam wedi'i gwblhau; arbedion ar y trywydd iawn")
                rows.append(["U-\(project.id)-\(rows.count)", project.id, day.description, english, welsh, rag,
                             CSV.pounds(project.investment * Int.random(in: 0...10, using: &random) / 10),
                             "Report savings to the fund team next quarter", "Adrodd arbedion i dîm y gronfa y chwarter nesaf"])
            }
        }
        return rows
    }

    /// A lesson for about a third of projects past approval.
    private mutating func lessons(for projects: [SyntheticProject]) -> [[String]] {
        projects.compactMap { project in
            guard random.next() % 3 == 0 else { return nil }
            let day = max(project.approved.adding(days: 60), asOf.adding(days: -Int.random(in: 1...365, using: &random)))
            guard day < asOf else { return nil }
            let wentWrong = random.next() % 2 == 0
            return ["L-\(project.id)", project.id, day.description,
                    "Involving front-line staff from the start made the change stick.", "Roedd cynnwys staff rheng flaen o'r dechrau yn gwneud i'r newid bara.",
                    wentWrong ? "Data from the old system needed cleaning first." : "", wentWrong ? "Roedd angen glanhau data'r hen system yn gyntaf." : "",
                    wentWrong ? "A two-week data sprint with the supplier." : "", wentWrong ? "Sbrint data pythefnos gyda'r cyflenwr." : ""]
        }
    }

    private mutating func notices() -> [[String]] {
        (1...24).map { index in
            let published = asOf.adding(days: -Int.random(in: 1...365, using: &random))
            let kind = ["funding-round", "open-day", "seminar", "deadline"].randomElement(using: &random)!
            let sector = Catalogue.organisations.randomElement(using: &random)!.sector
            return [String(format: "N-GEN-%02d", index), index % 4 == 0 ? "decarbonisation-loans" : "invest-to-save", kind,
                    "Invest to Save \(kind.replacingOccurrences(of: "-", with: " ")) \(index)", "Buddsoddi i Arbed: digwyddiad \(index)",
                    "Online, 10:00-12:00. Bring a finance colleague.", "Ar-lein, 10:00-12:00. Dewch â chydweithiwr cyllid.",
                    published.description, published.adding(days: Int.random(in: 14...150, using: &random)).description,
                    index % 3 == 0 ? sector : "", ""]
        }
    }

    /// Forty actions per network over the year, some open and overdue.
    private mutating func actions(for projects: [SyntheticProject]) -> [[String]] {
        ["directors-of-finance-network", "service-transformation-network"].flatMap { network in
            (1...40).map { index -> [String] in
                let raised = asOf.adding(days: -Int.random(in: 7...365, using: &random))
                let due = raised.adding(days: Int.random(in: 14...120, using: &random))
                let status = due < asOf ? ["open", "done", "done", "dropped"].randomElement(using: &random)! : "open"
                let closed = status == "open" ? "" : min(due, asOf.adding(days: -1)).description
                let project = projects.randomElement(using: &random)!
                return ["A-\(network.prefix(3).uppercased())-\(index)", network,
                        "Share the evaluation of \(project.titleEnglish)", "Rhannu gwerthusiad \(project.titleWelsh)",
                        personName(), raised.description, due.description, status, closed, project.id]
            }
        }
    }

    private mutating func makeSubscriber(_ index: Int) -> [String] {
        let organisation = Catalogue.organisations.randomElement(using: &random)!
        let roll = random.next() % 100
        let audience = roll < 35 ? "portfolio-holders" : roll < 90 ? "directors"
            : roll < 95 ? "directors-of-finance-network" : "service-transformation-network"
        let interests = (0..<Int.random(in: 1...3, using: &random)).map { _ in Catalogue.themes.randomElement(using: &random)!.id }
        let language = ["cy", "en", "both", "both"].randomElement(using: &random)!
        let name = personName()
        return [String(format: "reader-%06d", index), name, String(format: "reader%06d@", index) + organisation.domain, audience,
                organisation.name, organisation.sector, organisation.region, organisation.size,
                Array(Set(interests)).sorted().joined(separator: ";"), language, "email", "",
                asOf.adding(days: -Int.random(in: 30...700, using: &random)).description, ""]
    }

    private mutating func personName() -> String {
        "\(Catalogue.givenNames.randomElement(using: &random)!) \(Catalogue.surnames.randomElement(using: &random)!)"
    }
}
