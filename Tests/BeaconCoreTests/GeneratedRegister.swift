/// A register of random projects, news and readers of every kind, the same for the same seed:
/// for tests that must hold for whatever a register holds, not only for the fixture's rows.
struct GeneratedRegister {
    private var random: Random

    init(seed: UInt64) {
        random = Random(state: seed)
    }

    /// SplitMix64, so a seed gives the same register on every machine.
    private struct Random: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let organisations = [
        ("Hywel Dda University Health Board", "health", "south-west-wales", "large"),
        ("Cardiff and Vale University Health Board", "health", "south-east-wales", "large"),
        ("Ceredigion County Council", "local-government", "mid-wales", "medium"),
        ("Powys County Council", "local-government", "mid-wales", "medium"),
        ("Cardiff Council", "local-government", "south-east-wales", ""),
        ("Coleg Sir Gâr", "further-education", "south-west-wales", "medium"),
        ("Welsh Ambulance Services", "health", "all-wales", "large"),
        ("North Wales Fire and Rescue Service", "fire-and-rescue", "north-wales", "small"),
        ("Natural Resources Wales", "sponsored-body", "all-wales", "large"),
    ]
    /// Readers from these have no project, so they are shown proven work instead.
    private static let organisationsWithoutProjects = [
        ("Gwynedd Council", "local-government", "north-wales", "medium"),
        ("Dyfed-Powys Police", "police", "mid-wales", "large"),
    ]
    private static let themes = ["patient-records", "digital", "energy-efficiency", "shared-services", "fleet", "workforce"]
    private static let words = ["digital", "records", "lighting", "payroll", "fleet", "electric", "clinics", "scanning", "shared", "energy", "rota", "telecare"]

    private mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func date(from: Int = 2025, to: Int = 2027) -> String {
        let year = Int.random(in: from..<to, using: &random)
        return String(year) + "-" + two(Int.random(in: 1...12, using: &random)) + "-" + two(Int.random(in: 1...28, using: &random))
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private mutating func title() -> String {
        (0..<3).map { _ in pick(Self.words) }.joined(separator: " ").capitalized
    }

    private mutating func someThemes() -> String {
        Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in pick(Self.themes) })).sorted().joined(separator: ";")
    }

    /// The fixture's settings, audiences and digests with a register and readers of `projects` and `readers` rows.
    mutating func fixture(projects: Int = 60, readers: Int = 40) -> Fixture {
        var fixture = Fixture()
        fixture.files["register/themes.csv"] = "theme_id,label_en,label_cy\n" + Self.themes.map { "\($0),\($0),\($0)" }.joined(separator: "\n")
        var rows = ["project_id,fund_id,title_en,title_cy,summary_en,summary_cy,organisation,sector,region,organisation_size,themes,investment,projected_savings,achieved_savings,status,approved_on,evaluation,evaluated_on,evaluation_summary_en,evaluation_summary_cy,contact_name,contact_email,contact_confirmed_on"]
        for number in 0..<projects {
            let (organisation, sector, region, size) = pick(Self.organisations)
            let evaluation = pick(["none", "internal", "independent"])
            let evaluated = evaluation == "none" ? ",," : "\(date()),Found what it found,Canfu beth a ganfu"
            let achieved = pick(["", "0", "£\(Int.random(in: 1...900, using: &random)),000"])
            let status = pick(["approved", "in-progress", "completed", "repaying", "withdrawn"])
            rows.append("P-\(number),i2s,\(title()),Teitl,\(title()) for \(title()),Crynodeb,\(organisation),\(sector),\(region),\(size),\(someThemes()),£500000,£900000,\"\(achieved)\",\(status),\(date(from: 2024)),\(evaluation),\(evaluated),Contact \(number),contact\(number)@example.org,\(date(from: 2024))")
        }
        fixture.files["register/projects.csv"] = rows.joined(separator: "\n")
        rows = ["update_id,project_id,reported_on,milestone_en,milestone_cy,rag,savings_to_date,next_steps_en,next_steps_cy"]
        for number in 0..<(projects * 2) {
            rows.append("U-\(number),P-\(Int.random(in: 0..<projects, using: &random)),\(date()),Milestone \(number),Carreg filltir,\(pick(["red", "amber", "green"])),,Next,Nesaf")
        }
        fixture.files["register/updates.csv"] = rows.joined(separator: "\n")
        rows = ["lesson_id,project_id,recorded_on,worked_en,worked_cy,went_wrong_en,went_wrong_cy,overcome_en,overcome_cy"]
        for number in 0..<(projects / 2) {
            let wrong = chance(50) ? "Went wrong,Aeth o'i le,Overcome,Goresgyn" : ",,,"
            rows.append("L-\(number),P-\(Int.random(in: 0..<projects, using: &random)),\(date()),Worked,Gweithiodd,\(wrong)")
        }
        fixture.files["register/lessons.csv"] = rows.joined(separator: "\n")
        rows = ["notice_id,fund_id,kind,title_en,title_cy,details_en,details_cy,published_on,event_on,sectors,link"]
        for number in 0..<12 {
            rows.append("N-\(number),i2s,seminar,Seminar \(number),Seminar,Details,Manylion,\(date()),\(chance(70) ? date() : ""),\(chance(50) ? pick(["health", "local-government", "health;police"]) : ""),")
        }
        fixture.files["register/notices.csv"] = rows.joined(separator: "\n")
        rows = ["action_id,network_id,action_en,action_cy,owner,raised_on,due_on,status,closed_on,project_id"]
        for number in 0..<15 {
            let status = pick(["open", "done", "dropped"])
            rows.append("A-\(number),dof,Action \(number),Cam,Owner,2025-01-01,\(date()),\(status),\(status == "open" ? "" : date()),\(chance(50) ? "P-\(Int.random(in: 0..<projects, using: &random))" : "")")
        }
        fixture.files["register/actions.csv"] = rows.joined(separator: "\n")
        var subscribers = ["subscribers:"]
        for number in 0..<readers {
            let (organisation, sector, region, size) = pick(Self.organisations + Self.organisationsWithoutProjects)
            subscribers.append("""
                  - id: reader-\(number)
                    name: Reader \(number)
                    email: reader\(number)@example.org
                    audience: \(pick(["portfolio-holders", "directors", "dof"]))
                    organisation: \(organisation)
                    sector: \(sector)
                    region: \(region)
                    organisation_size: "\(size)"
                    interests: [\(someThemes().replacingOccurrences(of: ";", with: ", "))]
                    language: \(pick(["cy", "en", "both"]))
                    consent_on: 2025-01-01
                """)
        }
        fixture.files["subscribers.yml"] = subscribers.joined(separator: "\n")
        fixture.edit("digests.yml", replacing: "    channels: [email]\n    sections: [highlights, similar-projects, notices]",
                     with: "    channels: [email]\n    split: sector\n    sections: [highlights, similar-projects, notices]")
        return fixture
    }
}
