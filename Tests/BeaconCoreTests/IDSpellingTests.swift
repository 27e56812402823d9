@testable import BeaconCore
import Foundation
import Testing

@Suite("Ids are names Beacon can safely use for files and addresses")
struct IDSpellingTests {
    @Test("An id that could leave its folder, split a key or hide is refused, in every file that defines ids")
    func badIDsInEveryFile() throws {
        var fixture = Fixture()
        let longID = String(repeating: "a", count: 65)
        fixture.edit("register/funds.csv", replacing: "i2s,Invest to Save,Buddsoddi", with: "..,Invest to Save,Buddsoddi")
        fixture.edit("register/themes.csv", replacing: "digital,Digital services", with: "a/b,Digital services")
        fixture.edit("register/projects.csv", replacing: "HD-1,i2s,Digital", with: "HD:1,i2s,Digital")
        fixture.edit("register/updates.csv", replacing: "U4,COL-1", with: "U 4,COL-1")
        fixture.edit("register/lessons.csv", replacing: "L1,HD-1", with: "L\u{202E}1,HD-1")
        fixture.edit("register/notices.csv", replacing: "N2,i2s", with: "-N2,i2s")
        fixture.edit("register/actions.csv", replacing: "A4,dof", with: "\(longID),dof")
        fixture.edit("audiences.yml", replacing: "id: directors", with: "id: directors.x")
        fixture.edit("subscribers.yml", replacing: "id: huw", with: "id: list:dof")
        fixture.edit("digests.yml", replacing: "id: network", with: "id: \"net work\"")
        let errors = try fixture.errors()
        let rule = "ids use only letters A to Z, digits, - and _, start with a letter or digit, and have at most 64 characters"
        #expect(errors.contains("register/funds.csv:2:fund_id: \"..\" cannot be an id: it contains \".\"; \(rule)"))
        #expect(errors.contains("register/themes.csv:3:theme_id: \"a/b\" cannot be an id: it contains \"/\"; \(rule)"))
        #expect(errors.contains("register/projects.csv:2:project_id: \"HD:1\" cannot be an id: it contains \":\"; \(rule)"))
        #expect(errors.contains("register/updates.csv:5:update_id: \"U 4\" cannot be an id: it contains a space; \(rule)"))
        #expect(errors.contains { $0.hasPrefix("register/lessons.csv:2:lesson_id: ") && $0.contains("U+202E RIGHT-TO-LEFT OVERRIDE") })
        #expect(errors.contains("register/notices.csv:3:notice_id: \"-N2\" cannot be an id: it starts with \"-\"; \(rule)"))
        #expect(errors.contains("register/actions.csv:5:action_id: \"\(longID)\" cannot be an id: it has 65 characters; \(rule)"))
        #expect(errors.contains("audiences.yml:5:id: \"directors.x\" cannot be an id: it contains \".\"; \(rule)"))
        #expect(errors.contains("subscribers.yml:31:id: \"list:dof\" cannot be an id: it contains \":\"; \(rule)"))
        #expect(errors.contains("digests.yml:16:id: \"net work\" cannot be an id: it contains a space; \(rule)"))
    }

    @Test("Ids of one kind that differ only in case or punctuation are refused, naming both rows")
    func clashingIDs() throws {
        var fixture = Fixture()
        fixture.edit("audiences.yml", replacing: "  - id: dof\n", with: """
              - id: Directors
                kind: director
                name: {en: More directors, cy: Mwy o gyfarwyddwyr}
              - id: dof

            """)
        fixture.edit("beacon.yml", replacing: "subscribers: [subscribers.yml]", with: "subscribers: [subscribers.yml, more.csv]")
        fixture.files["more.csv"] = """
            subscriber_id,name,email,audience,organisation,sector,region
            cllr_eira,Eira Again,eira@example.org,portfolio-holders,Somewhere,health,mid-wales
            """
        let errors = try fixture.errors()
        #expect(errors.contains("audiences.yml:8:id: \"Directors\" and \"directors\" (audiences.yml line 5) would share a file name; ids must differ in more than case or punctuation"))
        #expect(errors.contains("more.csv:2:subscriber_id: \"cllr_eira\" and \"cllr-eira\" (subscribers.yml line 2) would share a file name; ids must differ in more than case or punctuation"))
        #expect(errors.count == 2)
    }

    @Test("Ids of different kinds may share a name, and a reference must match an id exactly")
    func kindsAndReferences() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "id: network", with: "id: dof")
        #expect(try fixture.errors().isEmpty)
        fixture.edit("register/updates.csv", replacing: "U2,CV-1", with: "U2,cv-1")
        #expect(try fixture.errors() == ["register/updates.csv:3:project_id: no project in projects.csv has the id \"cv-1\""])
    }

    @Test("Safe names are lower case with - for _, and nothing in one can reach another folder")
    func safeNames() {
        #expect(SafeName.of(AudienceID("Directors_of-Finance2")) == "directors-of-finance2")
        #expect(SafeName.of(AudienceID("..")) == "--")
        #expect(SafeName.of(AudienceID("a/../b")) == "a----b")
        #expect(SafeName.of(AudienceID("")) == "-")
        let audience = Audience(id: AudienceID("Dof_Network"), kind: .network, name: LocalizedText("Network"), sectors: [], themes: [], meetings: [], listAddress: nil)
        #expect(SafeName.of(Edition(audience: audience, sector: .health, language: .welsh)) == "dof-network.health.cy")
    }
}
