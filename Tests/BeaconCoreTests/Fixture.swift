import BeaconCore
import BeaconTestSupport
import Foundation

/// A small, complete configuration written to a temporary folder. Tests replace one file,
/// or one line of it, to show how Beacon treats that input.
struct Fixture {
    var files: [String: String] = [
        "beacon.yml": """
            programme: {en: Invest to Save, cy: Buddsoddi i Arbed}
            fund_team:
              name: {en: Invest to Save team, cy: Tîm Buddsoddi i Arbed}
              email: fund@gov.wales.example
              phone: 0300 000 0000
            subscribers: [subscribers.yml]
            stale_contact_months: 12
            """,
        "register/funds.csv": """
            fund_id,name_en,name_cy
            i2s,Invest to Save,Buddsoddi i Arbed
            """,
        "register/themes.csv": """
            theme_id,label_en,label_cy
            patient-records,Patient records,Cofnodion cleifion
            digital,Digital services,Gwasanaethau digidol
            energy-efficiency,Energy efficiency,Effeithlonrwydd ynni
            shared-services,Shared services,Gwasanaethau a rennir
            """,
        "register/projects.csv": """
            project_id,fund_id,title_en,title_cy,summary_en,summary_cy,organisation,sector,region,organisation_size,themes,investment,projected_savings,achieved_savings,status,approved_on,evaluation,evaluated_on,evaluation_summary_en,evaluation_summary_cy,contact_name,contact_email,contact_confirmed_on
            HD-1,i2s,Digital patient records in outpatient clinics,Cofnodion cleifion digidol mewn clinigau,Digital notes replace paper case notes in outpatient clinics.,Nodiadau digidol yn lle nodiadau papur.,Hywel Dda University Health Board,health,south-west-wales,large,patient-records;digital,"£1,250,000",£2100000,"£640,000",repaying,2024-03-14,independent,2026-11-12,"Letters reach GPs in 2 days, not 9.","Llythyrau'n cyrraedd meddygon teulu mewn 2 ddiwrnod, nid 9.",Aled Sampl,aled.sampl@hyweldda.example,2026-06-01
            BC-1,i2s,Electronic patient records for community nursing,Cofnodion cleifion electronig ar gyfer nyrsio cymunedol,District nurses swap paper notes for a digital patient record.,Nyrsys ardal yn newid nodiadau papur am gofnod digidol.,Betsi Cadwaladr University Health Board,health,north-wales,large,patient-records;digital,£900000,£1500000,,in-progress,2025-05-01,none,,,,Sioned Ffug,sioned.ffug@bcuhb.example,2025-01-10
            CV-1,i2s,Paperless outpatient records,Cofnodion cleifion allanol di-bapur,Outpatient case notes move to a digital record.,Nodiadau achos yn symud i gofnod digidol.,Cardiff and Vale University Health Board,health,south-east-wales,large,patient-records;digital,£1500000,£2500000,£140000,in-progress,2025-02-01,none,,,,Tomos Enghraifft,tomos.enghraifft@cardiffandvale.example,2026-09-01
            CER-1,i2s,LED street lighting and part-night dimming,Goleuadau stryd LED,Sodium street lights replaced with dimmable LED lanterns.,Goleuadau LED yn lle goleuadau sodiwm.,Ceredigion County Council,local-government,mid-wales,medium,energy-efficiency,£1100000,£2300000,£410000,repaying,2023-05-01,independent,2026-11-20,Energy use down 64%.,Defnydd ynni i lawr 64%.,Gareth Ffug,gareth.ffug@ceredigion.example,2026-10-01
            COL-1,i2s,LED lighting across four campuses,Goleuadau LED ar draws pedwar campws,Campus lights replaced with LED lanterns and sensors.,Goleuadau LED a synwyryddion.,Coleg Sir Gâr,further-education,south-west-wales,medium,energy-efficiency,£385000,£620000,,in-progress,2025-06-01,none,,,,Nia Placeholder,nia.placeholder@colegsirgar.example,2026-08-01
            POW-1,i2s,Shared payroll with Ceredigion,Cyflogres ar y cyd,One payroll for two councils.,Un gyflogres i ddau gyngor.,Powys County Council,local-government,mid-wales,medium,shared-services,£300000,£700000,,approved,2026-11-05,none,,,,Ieuan Dummy,ieuan.dummy@powys.example,2026-11-05
            """,
        "register/updates.csv": """
            update_id,project_id,reported_on,milestone_en,milestone_cy,rag,savings_to_date,next_steps_en,next_steps_cy
            U1,BC-1,2026-11-18,GP access delayed: data sharing agreement not signed,Oedi cyn rhoi mynediad i feddygon teulu,red,£120000,Sign the agreement by January,Llofnodi'r cytundeb erbyn Ionawr
            U2,CV-1,2026-11-25,Second off-site store to close in March,Ail storfa i gau ym mis Mawrth,green,,,
            U3,CV-1,2026-10-02,First store closed,Storfa gyntaf wedi cau,green,,,
            U4,COL-1,2026-11-10,Two campuses finished,Dau gampws wedi'u gorffen,amber,,,
            """,
        "register/lessons.csv": """
            lesson_id,project_id,recorded_on,worked_en,worked_cy,went_wrong_en,went_wrong_cy,overcome_en,overcome_cy
            L1,HD-1,2026-11-14,Clinicians chose the order of clinics,Clinigwyr a ddewisodd drefn y clinigau,Scanning fell behind because old notes were fragile,Aeth y sganio ar ei hôl hi,A second scanning shift,Ail shifft sganio
            """,
        "register/notices.csv": """
            notice_id,fund_id,kind,title_en,title_cy,details_en,details_cy,published_on,event_on,sectors,link
            N1,i2s,funding-round,Round opens 11 January,Y cylch yn agor 11 Ionawr,Loans from £50k.,Benthyciadau o £50k.,2026-11-03,2027-01-11,,https://www.gov.wales.example/i2s
            N2,i2s,seminar,Patient records seminar,Seminar cofnodion cleifion,For health boards.,Ar gyfer byrddau iechyd.,2026-11-04,2026-12-10,health,
            """,
        "register/actions.csv": """
            action_id,network_id,action_en,action_cy,owner,raised_on,due_on,status,closed_on,project_id
            A1,dof,Share the records business case,Rhannu'r achos busnes,"Dr Ffion Enghraifft, Hywel Dda",2026-09-15,2026-10-31,open,,HD-1
            A2,dof,Draft a savings reporting template,Drafftio templed,Fund team,2026-09-15,2027-01-31,open,,
            A3,dof,Compare frailty savings methods,Cymharu dulliau,Huw Enghraifft,2026-09-15,2026-11-30,done,2026-11-20,
            A4,dof,An action closed long ago,Cam a gaewyd amser maith yn ôl,Fund team,2026-01-15,2026-03-30,done,2026-03-01,
            """,
        "audiences.yml": """
            audiences:
              - id: portfolio-holders
                kind: finance-portfolio-holder
                name: {en: Finance portfolio holders, cy: Deiliaid portffolio cyllid}
              - id: directors
                kind: director
                name: {en: Directors, cy: Cyfarwyddwyr}
              - id: dof
                kind: network
                name: {en: Directors of Finance Network, cy: Rhwydwaith Cyfarwyddwyr Cyllid}
                sectors: [health, local-government]
                themes: [patient-records, shared-services]
                meetings: [2026-09-15, 2026-12-08]
            """,
        "subscribers.yml": """
            subscribers:
              - id: cllr-eira
                name: Cllr Eira Sampl
                email: eira.sampl@ceredigion.example
                audience: portfolio-holders
                organisation: Ceredigion County Council
                sector: local-government
                region: mid-wales
                organisation_size: medium
                interests: [energy-efficiency]
                consent_on: 2026-01-12
              - id: ffion
                name: Dr Ffion Enghraifft
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
              - id: huw
                name: Huw Enghraifft
                email: huw.enghraifft@abuhb.example
                audience: dof
                organisation: Aneurin Bevan University Health Board
                sector: health
                region: south-east-wales
                language: en
                consent_on: 2026-01-12
            """,
        "digests.yml": """
            digests:
              - id: portfolio
                title: {en: Monthly digest for portfolio holders, cy: Crynodeb misol i ddeiliaid portffolio}
                audiences: [portfolio-holders]
                frequency: monthly
                schedule: "0 9 1 * *"
                channels: [email]
                sections: [fund-figures, highlights, similar-projects, notices]
              - id: directors
                title: {en: Fortnightly digest for directors, cy: Crynodeb pythefnosol i gyfarwyddwyr}
                audiences: [directors]
                frequency: fortnightly
                schedule: "30 8 1,15 * *"
                channels: [email]
                sections: [highlights, similar-projects, notices]
              - id: network
                title: {en: Network bulletin, cy: Bwletin y rhwydwaith}
                audiences: [dof]
                frequency: per-meeting
                schedule: "0 9 * * 1"
                channels: [bulletin]
                budget: {items: 10, words: 600}
                sections: [actions, highlights, similar-projects, notices]
            """,
    ]

    static let issueDate = CivilDate(year: 2026, month: 12, day: 1)!

    /// Replaces `old` with `new` in one file; the test fails loudly if `old` is not there.
    mutating func edit(_ file: String, replacing old: String, with new: String) {
        precondition(files[file]?.contains(old) == true, "\(file) has no \(old)")
        files[file] = files[file]!.replacingOccurrences(of: old, with: new)
    }

    /// Writes the files to a new folder and returns the settings file.
    func write() throws -> URL {
        let folder = try TemporaryFolder.make("beacon-fixture")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url)
        }
        return folder.appendingPathComponent("beacon.yml")
    }

    func load(environment: [String: String] = [:]) throws -> (configuration: Configuration, warnings: [Diagnostic]) {
        try ConfigurationLoader.load(settingsFile: try write(), environment: environment)
    }

    /// The errors loading reports, as `file:row:field: message` lines with the folder removed.
    func errors(environment: [String: String] = [:]) throws -> [String] {
        do {
            _ = try load(environment: environment)
            return []
        } catch let invalid as InvalidConfiguration {
            return invalid.diagnostics.filter { $0.severity == .error }.map { Self.relative($0.description) }
        }
    }

    /// The line with the fixture's folder taken out wherever it names a file.
    static func relative(_ line: String) -> String {
        guard let range = line.range(of: "beacon-fixture-") else { return line }
        let start = line[..<range.lowerBound].lastIndex(of: " ").map(line.index(after:)) ?? line.startIndex
        guard let slash = line[range.upperBound...].firstIndex(of: "/") else { return line }
        return line.replacingOccurrences(of: String(line[start...slash]), with: "")
    }
}
