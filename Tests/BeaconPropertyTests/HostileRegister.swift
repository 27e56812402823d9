import Foundation

/// A small register in `Config/` form with a hostile text in every free-text field, each
/// between markers (`Mk07b` … `Mk07e`) so a reader of any output can find it and say whether
/// it arrived as typed. Built from the same shape as the core tests' fixture: every field
/// below reaches some reader's page on the issue date.
struct HostileRegister {
    /// A free-text field: where it is written, what the loader names it, and whether it may hold line breaks.
    struct Field {
        let file: String
        let name: String
        let multiline: Bool
    }

    static let fields: [Field] = [
        Field(file: "beacon.yml", name: "programme.en", multiline: false),
        Field(file: "beacon.yml", name: "fund_team.name.en", multiline: false),
        Field(file: "register/projects.csv", name: "title_en", multiline: false),
        Field(file: "register/projects.csv", name: "title_cy", multiline: false),
        Field(file: "register/projects.csv", name: "summary_en", multiline: true),
        Field(file: "register/projects.csv", name: "evaluation_summary_en", multiline: true),
        Field(file: "register/projects.csv", name: "organisation", multiline: false),
        Field(file: "register/updates.csv", name: "milestone_en", multiline: true),
        Field(file: "register/updates.csv", name: "next_steps_en", multiline: true),
        Field(file: "register/lessons.csv", name: "went_wrong_en", multiline: true),
        Field(file: "register/lessons.csv", name: "overcome_en", multiline: true),
        Field(file: "register/notices.csv", name: "title_en", multiline: false),
        Field(file: "register/notices.csv", name: "details_en", multiline: true),
        Field(file: "register/actions.csv", name: "action_en", multiline: true),
        Field(file: "register/actions.csv", name: "owner", multiline: false),
        Field(file: "audiences.yml", name: "name.en", multiline: false),
        Field(file: "audiences.yml", name: "name.en", multiline: false),
        Field(file: "subscribers.yml", name: "name", multiline: false),
        Field(file: "subscribers.yml", name: "organisation", multiline: false),
        Field(file: "subscribers.yml", name: "name", multiline: false),
        Field(file: "digests.yml", name: "title.en", multiline: false),
        Field(file: "digests.yml", name: "title.cy", multiline: false),
        Field(file: "digests.yml", name: "title.en", multiline: false),
    ]

    static func start(_ index: Int) -> String { "Mk\(index < 10 ? "0" : "")\(index)b" }
    static func end(_ index: Int) -> String { "Mk\(index < 10 ? "0" : "")\(index)e" }

    /// One hostile text per field, in the order of `fields`.
    let texts: [String]

    func value(_ index: Int) -> String { "\(Self.start(index)) \(texts[index]) \(Self.end(index))" }

    /// Fields the loader must refuse: a line break, tab or control character where only one
    /// line is allowed, a NUL, control or bidirectional control character anywhere.
    var refused: [Int] {
        texts.indices.filter { index in
            texts[index].unicodeScalars.contains { scalar in
                switch scalar {
                case "\n", "\r", "\t": !Self.fields[index].multiline
                case "\u{2028}", "\u{2029}": true
                default: scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Self.isBidiControl(scalar)
                }
            }
        }
    }

    /// Characters that reorder text on screen, which the loader refuses.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// Writes `Config/` under `folder` and returns the settings file.
    func write(to folder: URL) throws -> URL {
        let config = folder.appendingPathComponent("Config")
        for (name, text) in files {
            let url = config.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return config.appendingPathComponent("beacon.yml")
    }

    /// Quoted, with quotes doubled scalar by scalar: a quote followed by a combining mark is
    /// one Character that is not a quote, but a CSV reader sees the quote.
    private func csv(_ index: Int) -> String {
        var quoted = "\""
        for scalar in value(index).unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// A YAML double-quoted scalar that reads back as exactly `value(index)`.
    private func yaml(_ index: Int) -> String {
        var quoted = "\""
        for scalar in value(index).unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}":
                quoted += "\\u" + String(format: "%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private var files: [String: String] {
        [
            "beacon.yml": """
                programme: {en: \(yaml(0)), cy: Buddsoddi i Arbed}
                fund_team:
                  name: {en: \(yaml(1)), cy: Tîm Buddsoddi i Arbed}
                  email: fund@gov.wales.example
                subscribers: [subscribers.yml]
                public_base_url: https://beacon.gov.wales.example

                """,
            "register/funds.csv": "fund_id,name_en,name_cy\ni2s,Invest to Save,Buddsoddi i Arbed\n",
            "register/themes.csv": """
                theme_id,label_en,label_cy
                patient-records,Patient records,Cofnodion cleifion
                digital,Digital services,Gwasanaethau digidol
                energy-efficiency,Energy efficiency,Effeithlonrwydd ynni
                shared-services,Shared services,Gwasanaethau a rennir

                """,
            "register/projects.csv": """
                project_id,fund_id,title_en,title_cy,summary_en,summary_cy,organisation,sector,region,organisation_size,themes,investment,projected_savings,achieved_savings,status,approved_on,evaluation,evaluated_on,evaluation_summary_en,evaluation_summary_cy,contact_name,contact_email,contact_confirmed_on
                HD-1,i2s,\(csv(2)),\(csv(3)),\(csv(4)),Nodiadau digidol.,Hywel Dda University Health Board,health,south-west-wales,large,patient-records;digital,"£1,250,000",£2100000,"£640,000",repaying,2024-03-14,independent,2026-11-12,\(csv(5)),Llythyrau'n cyrraedd mewn 2 ddiwrnod.,Aled Sampl,aled.sampl@hyweldda.example,2026-06-01
                BC-1,i2s,Electronic patient records for community nursing,Cofnodion cleifion electronig,District nurses swap paper notes for a digital record.,Nyrsys ardal yn newid nodiadau papur.,Betsi Cadwaladr University Health Board,health,north-wales,large,patient-records;digital,£900000,£1500000,,in-progress,2025-05-01,none,,,,Sioned Ffug,sioned.ffug@bcuhb.example,2025-01-10
                CV-1,i2s,Paperless outpatient records,Cofnodion cleifion allanol di-bapur,Outpatient case notes move to a digital record.,Nodiadau achos yn symud i gofnod digidol.,Cardiff and Vale University Health Board,health,south-east-wales,large,patient-records;digital,£1500000,£2500000,£140000,in-progress,2025-02-01,none,,,,Tomos Enghraifft,tomos.enghraifft@cardiffandvale.example,2026-09-01
                CER-1,i2s,LED street lighting and part-night dimming,Goleuadau stryd LED,Sodium street lights replaced with LED lanterns.,Goleuadau LED.,\(csv(6)),local-government,mid-wales,medium,energy-efficiency,£1100000,£2300000,£410000,repaying,2023-05-01,independent,2026-11-20,Energy use down 64%.,Defnydd ynni i lawr 64%.,Gareth Ffug,gareth.ffug@ceredigion.example,2026-10-01
                POW-1,i2s,Shared payroll with Ceredigion,Cyflogres ar y cyd,One payroll for two councils.,Un gyflogres i ddau gyngor.,Powys County Council,local-government,mid-wales,medium,shared-services,£300000,£700000,,approved,2026-11-05,none,,,,Ieuan Dummy,ieuan.dummy@powys.example,2026-11-05

                """,
            "register/updates.csv": """
                update_id,project_id,reported_on,milestone_en,milestone_cy,rag,savings_to_date,next_steps_en,next_steps_cy
                U1,BC-1,2026-11-18,\(csv(7)),Oedi cyn rhoi mynediad,red,£120000,\(csv(8)),Llofnodi'r cytundeb
                U2,CV-1,2026-11-25,Second off-site store to close in March,Ail storfa i gau ym mis Mawrth,green,,,

                """,
            "register/lessons.csv": """
                lesson_id,project_id,recorded_on,worked_en,worked_cy,went_wrong_en,went_wrong_cy,overcome_en,overcome_cy
                L1,HD-1,2026-11-14,Clinicians chose the order of clinics,Clinigwyr a ddewisodd,\(csv(9)),Aeth y sganio ar ei hôl hi,\(csv(10)),Ail shifft sganio

                """,
            "register/notices.csv": """
                notice_id,fund_id,kind,title_en,title_cy,details_en,details_cy,published_on,event_on,sectors,link
                N1,i2s,funding-round,\(csv(11)),Y cylch yn agor 11 Ionawr,\(csv(12)),Benthyciadau o £50k.,2026-11-03,2027-01-11,,https://www.gov.wales.example/i2s

                """,
            "register/actions.csv": """
                action_id,network_id,action_en,action_cy,owner,raised_on,due_on,status,closed_on,project_id
                A1,dof,\(csv(13)),Rhannu'r achos busnes,\(csv(14)),2026-09-15,2026-10-31,open,,HD-1
                A2,dof,Draft a savings reporting template,Drafftio templed,Fund team,2026-09-15,2027-01-31,open,,

                """,
            "audiences.yml": """
                audiences:
                  - id: portfolio-holders
                    kind: finance-portfolio-holder
                    name: {en: \(yaml(15)), cy: Deiliaid portffolio cyllid}
                  - id: directors
                    kind: director
                    name: {en: Directors, cy: Cyfarwyddwyr}
                  - id: dof
                    kind: network
                    name: {en: \(yaml(16)), cy: Rhwydwaith Cyfarwyddwyr Cyllid}
                    sectors: [health, local-government]
                    themes: [patient-records, shared-services]
                    meetings: [2026-09-15, 2026-12-08]
                    list_address: dof-list@gov.wales.example

                """,
            "subscribers.yml": """
                subscribers:
                  - id: cllr-eira
                    name: \(yaml(17))
                    email: eira.sampl@ceredigion.example
                    audience: portfolio-holders
                    organisation: \(yaml(18))
                    sector: local-government
                    region: mid-wales
                    interests: [energy-efficiency]
                    consent_on: 2026-01-12
                  - id: ffion
                    name: \(yaml(19))
                    email: ffion.enghraifft@hyweldda.example
                    audience: directors
                    organisation: Hywel Dda University Health Board
                    sector: health
                    region: south-west-wales
                    interests: [patient-records]
                    language: cy
                    consent_on: 2026-01-12
                  - id: rhys
                    name: Rhys Placeholder
                    email: rhys.placeholder@bcuhb.example
                    audience: directors
                    organisation: Betsi Cadwaladr University Health Board
                    sector: health
                    region: north-wales
                    language: en
                    consent_on: 2026-01-12

                """,
            "digests.yml": """
                digests:
                  - id: portfolio
                    title: {en: \(yaml(20)), cy: Crynodeb misol i ddeiliaid portffolio}
                    audiences: [portfolio-holders]
                    frequency: monthly
                    schedule: "0 9 1 * *"
                    channels: [email, rss, json-feed]
                    sections: [fund-figures, highlights, similar-projects, notices]
                  - id: directors
                    title: {en: Fortnightly digest for directors, cy: \(yaml(21))}
                    audiences: [directors]
                    frequency: fortnightly
                    schedule: "30 8 1,15 * *"
                    channels: [email, rss, json-feed]
                    sections: [highlights, similar-projects, notices]
                  - id: network
                    title: {en: \(yaml(22)), cy: Bwletin y rhwydwaith}
                    audiences: [dof]
                    frequency: per-meeting
                    schedule: "0 9 * * 1"
                    channels: [bulletin, email]
                    budget: {items: 10, words: 600}
                    sections: [actions, highlights, similar-projects, notices]

                """,
        ]
    }
}
