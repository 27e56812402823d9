@testable import BeaconCore
import Foundation
import Testing

@Suite("Validation names the file, row and field of every problem")
struct ValidationTests {
    @Test("The fixture itself is valid")
    func fixtureLoads() throws {
        let (configuration, _) = try Fixture().load()
        #expect(configuration.register.projects.count == 6)
        #expect(configuration.subscribers.count == 4)
        #expect(configuration.digests.map(\.id.rawValue) == ["portfolio", "directors", "network"])
    }

    @Test("Every problem across files is reported at once")
    func everyProblemAtOnce() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "2024-03-14", with: "2024-02-30")
        fixture.edit("register/updates.csv", replacing: "U2,CV-1", with: "U2,NOPE-9")
        fixture.edit("register/updates.csv", replacing: "U3,", with: "U1,")
        fixture.edit("subscribers.yml", replacing: "email: rhys.placeholder@bcuhb.example", with: "email: \"rhys.placeholder@bcuhb.example\\nBcc: all@example.org\"")
        fixture.edit("register/lessons.csv", replacing: ",recorded_on,", with: ",recorded,")
        let errors = try fixture.errors()
        #expect(errors.contains("register/projects.csv:2:approved_on: \"2024-02-30\" is not a date; write 2026-04-01 or 01/04/2026"))
        #expect(errors.contains("register/updates.csv:3:project_id: no project in projects.csv has the id \"NOPE-9\""))
        #expect(errors.contains("register/updates.csv:4:update_id: \"U1\" is used twice; first at register/updates.csv row 2"))
        #expect(errors.contains { $0.hasPrefix("subscribers.yml:24:email: \"rhys.placeholder@bcuhb.example\\nBcc: all@example.org\" is not a usable email address: it contains a line break") })
        #expect(errors.contains("register/lessons.csv:1:recorded_on: this required column is missing from the header row"))
        #expect(errors.contains { $0.hasPrefix("register/lessons.csv:1:recorded: unknown column;") })
        #expect(errors.count == 6)
    }

    @Test("Money, choices and required fields are checked per row")
    func fieldRules() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "\"£1,250,000\"", with: "\"£1,25,0000\"")
        fixture.edit("register/projects.csv", replacing: ",in-progress,2025-05-01", with: ",underway,2025-05-01")
        fixture.edit("register/projects.csv", replacing: ",Tomos Enghraifft,", with: ",,")
        let errors = try fixture.errors()
        #expect(errors.contains("register/projects.csv:2:investment: \"£1,25,0000\" is not an amount of money; write pounds such as £1,250,000 or 1250000.50"))
        #expect(errors.contains("register/projects.csv:3:status: \"underway\" is not one of: approved, in-progress, completed, repaying, repaid, withdrawn"))
        #expect(errors.contains("register/projects.csv:4:contact_name: required, but empty"))
    }

    @Test("A line break inside a single-line spreadsheet cell is refused; inside a summary it is kept")
    func lineBreaks() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: ",Hywel Dda University Health Board,", with: ",\"Hywel Dda\nUniversity Health Board\",")
        fixture.edit("register/projects.csv", replacing: "Outpatient case notes move to a digital record.", with: "\"Outpatient case notes\nmove to a digital record.\"")
        let errors = try fixture.errors()
        #expect(errors == ["register/projects.csv:2:organisation: contains a line break, which is not allowed in a single-line field"])
    }

    @Test("A stray quote late in a file is reported with its row, and no row of that file is read at all")
    func strayQuote() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: ",in-progress,2025-05-01", with: ",underway,2025-05-01")
        fixture.edit("register/projects.csv", replacing: "POW-1,i2s,Shared payroll", with: "POW-1,i2s,Shared \"payroll\"")
        let errors = try fixture.errors()
        #expect(errors.contains { $0.hasPrefix("register/projects.csv:7: ") && $0.contains("quote") })
        #expect(!errors.contains { $0.contains("underway") }, "a row before the stray quote was read: \(errors)")
    }

    @Test("A spreadsheet saved in another encoding is named, not misread, with the row, offset and value of the first bad byte")
    func notUTF8() throws {
        let fixture = Fixture()
        let settings = try fixture.write()
        let lessons = settings.deletingLastPathComponent().appendingPathComponent("register/lessons.csv")
        var bytes = try Data(contentsOf: lessons)
        let offset = bytes.count + 20
        bytes.append(contentsOf: [0x4C, 0x32, 0x2C, 0x48, 0x44, 0x2D, 0x31, 0x2C, 0x32, 0x30, 0x32, 0x36, 0x2D, 0x31, 0x31, 0x2D, 0x31, 0x34, 0x2C, 0x47, 0xF4, 0x79, 0x6C, 0x0A])
        try bytes.write(to: lessons)
        do {
            _ = try ConfigurationLoader.load(settingsFile: settings, environment: [:])
            Issue.record("a Latin-1 file was accepted")
        } catch {
            #expect(error.diagnostics.map { Fixture.relative($0.description) }.contains(
                "register/lessons.csv:3: the file is not UTF-8 text: byte 0xF4, at byte offset \(offset), cannot be read as UTF-8; save the file again as UTF-8 (a spreadsheet calls it \"CSV UTF-8\")"))
        }
    }

    @Test("Unknown YAML keys are reported with the keys that are allowed")
    func unknownKeys() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: monthly", with: "    frequncy: monthly")
        let errors = try fixture.errors()
        #expect(errors.contains { $0.hasPrefix("digests.yml:5:frequncy: unknown key; the keys are: audiences, budget, channels, frequency, funds, id, open_to_signup, schedule, sections, send_when_empty, split, time_zone, title") })
        #expect(errors.contains("digests.yml:2:frequency: this required key is missing"))
    }

    @Test("References between files are checked: networks, audiences and themes")
    func references() throws {
        var fixture = Fixture()
        fixture.edit("register/actions.csv", replacing: "A2,dof,", with: "A2,directors,")
        fixture.edit("subscribers.yml", replacing: "interests: [patient-records]", with: "interests: [patient-record]")
        fixture.edit("digests.yml", replacing: "audiences: [dof]", with: "audiences: [dof, councillors]")
        let errors = try fixture.errors()
        #expect(errors.contains("register/actions.csv:3:network_id: no network in audiences.yml has the id \"directors\""))
        #expect(errors.contains("subscribers.yml:19:interests: no theme in themes.csv has the id \"patient-record\""))
        #expect(errors.contains("digests.yml:18:audiences: no audience in audiences.yml has the id \"councillors\""))
    }

    @Test("Subscribers may come as CSV, with the same rules; an id used in both files names the file it was first used in")
    func subscribersFromCSV() throws {
        var fixture = Fixture()
        fixture.edit("beacon.yml", replacing: "subscribers: [subscribers.yml]", with: "subscribers: [subscribers.yml, more.csv]")
        fixture.files["more.csv"] = """
            subscriber_id,name,email,audience,organisation,sector,region,language
            megan,Megan Sampl,megan.sampl@mawwfire.example,portfolio-holders,Mid and West Wales Fire and Rescue Service,fire-and-rescue,south-west-wales,cy
            ffion,Ffion Again,ffion@example.org,directors,Somewhere,health,mid-wales,
            """
        let errors = try fixture.errors()
        #expect(errors == ["more.csv:3:subscriber_id: \"ffion\" is used twice; first at subscribers.yml line 12"])
    }

    @Test("Missing Welsh is a warning, not an error, and names the field")
    func missingWelsh() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: ",Cofnodion cleifion allanol di-bapur,", with: ",,")
        let (_, warnings) = try fixture.load()
        #expect(warnings.map { Fixture.relative($0.description) }.contains {
            $0.hasPrefix("register/projects.csv:4:title_cy: warning: no Welsh text for \"Paperless outpatient records\"")
        })
    }

    @Test("BEACON_ variables override settings; unknown ones are reported")
    func environmentOverrides() throws {
        let environment = ["BEACON_STALE_CONTACT_MONTHS": "3", "BEACON_SMPT_URL": "smtp://x"]
        let (configuration, warnings) = try Fixture().load(environment: environment)
        #expect(configuration.settings.staleContactMonths == 3)
        #expect(warnings.contains { $0.description == "environment:BEACON_SMPT_URL: warning: BEACON_SMPT_URL is not a Beacon setting and was ignored" })
        let errors = try Fixture().errors(environment: ["BEACON_STALE_CONTACT_MONTHS": "soon"])
        #expect(errors == ["environment:BEACON_STALE_CONTACT_MONTHS: \"soon\" is not a whole number above zero"])
    }

    @Test("Review warns about stale contacts and subscribers without consent")
    func review() throws {
        var fixture = Fixture()
        fixture.edit("subscribers.yml", replacing: "    language: en\n    consent_on: 2026-01-12\n  - id: huw", with: "    language: en\n  - id: huw")
        let (configuration, warnings) = try fixture.load()
        #expect(warnings.contains { Fixture.relative($0.description) == "subscribers.yml:22:consent_on: warning: no consent_on date, so nothing will be sent to this subscriber" })
        let review = ConfigurationReview.warnings(configuration, asOf: Fixture.issueDate)
        let lines = review.map { Fixture.relative($0.description) }
        #expect(lines.contains("register/projects.csv:contact_confirmed_on: warning: project BC-1: contact Sioned Ffug was last confirmed on 2025-01-10, more than 12 months ago; check they are still in post"))
        let unknown = ConfigurationReview.unknownChannels(configuration, available: [ChannelName("email")])
        #expect(unknown.map { Fixture.relative($0.description) } == ["digests.yml:network.channels: no channel is called \"bulletin\"; the channels are: email"])
    }
}
