@testable import BeaconCore
import Foundation
import Testing

@Suite("Fields longer than any genuine register's are refused; unusually long texts are warned about")
struct FieldLengthTests {
    @Test("A 5 MB title without a space is refused at once with its size, not sent", .timeLimit(.minutes(1)))
    func pastedTitle() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "Digital patient records in outpatient clinics", with: String(repeating: "x", count: 5 << 20))
        let started = Date()
        let errors = try fixture.errors()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(errors == ["register/projects.csv:2:title_en: this field has 5,242,880 characters, but a single-line field may have at most 1,000; check for text pasted by mistake"])
    }

    @Test("Each kind of field has its own hard limit", arguments: [
        ("register/projects.csv", "Hywel Dda University Health Board", 1_001, "register/projects.csv:2:organisation: this field has 1,001 characters, but a single-line field may have at most 1,000"),
        ("register/projects.csv", "Digital notes replace paper case notes in outpatient clinics.", 10_001, "register/projects.csv:2:summary_en: this field has 10,001 characters, but a text of paragraphs may have at most 10,000"),
        ("register/notices.csv", "https://www.gov.wales.example/i2s", 2_001, "register/notices.csv:2:link: this field has 2,001 characters, but a web address may have at most 2,000"),
        ("register/projects.csv", "patient-records;digital,\"£1,250,000\"", 4_001, "register/projects.csv:2:themes: this field has 4,"),
        ("subscribers.yml", "eira.sampl@ceredigion.example", 1_001, "subscribers.yml:4:email: this field has 1,001 characters, but a single-line field may have at most 1,000"),
    ])
    func hardLimits(file: String, value: String, length: Int, error: String) throws {
        var fixture = Fixture()
        let replacement: String = switch value {
        case let link where link.hasPrefix("https://"): link + "/" + String(repeating: "a", count: length - link.count - 1)
        case let themes where themes.hasPrefix("patient-records;"): String(repeating: "digital;", count: length / 8 + 1) + ",\"£1,250,000\""
        case let email where email.contains("@"): String(repeating: "a", count: length - email.count) + email
        default: String(repeating: "a", count: length)
        }
        fixture.edit(file, replacing: value, with: replacement)
        let errors = try fixture.errors()
        #expect(errors.contains { $0.hasPrefix(error) }, "\(errors)")
    }

    @Test("A title over 200 characters or a summary over 1,500 is loaded, with a warning to check it")
    func softLimits() throws {
        var fixture = Fixture()
        fixture.edit("register/projects.csv", replacing: "Digital patient records in outpatient clinics", with: String(repeating: "Digital records ", count: 13))
        fixture.edit("register/projects.csv", replacing: "Digital notes replace paper case notes in outpatient clinics.", with: String(repeating: "Notes go digital. ", count: 90))
        let (configuration, warnings) = try fixture.load()
        #expect(configuration.register.projects.count == 6)
        let lines = warnings.map { Fixture.relative($0.description) }
        #expect(lines.contains("register/projects.csv:2:title_en: warning: this text has 207 characters, more than 200; a digest is about one page, so check that readers need all of it (over 1,000 is refused)"))
        #expect(lines.contains { $0.hasPrefix("register/projects.csv:2:summary_en: warning: this text has 1,619 characters, more than 1,500;") })
    }
}

@Suite("Lines typed on the web are held to the register's rules")
struct TypedLineTests {
    @Test("A typed line is trimmed, and refused when empty, too long or holding a line break or hidden character")
    func rules() {
        #expect(TypedLine.check("  Cyngor Sir Ceredigion \t") == .success("Cyngor Sir Ceredigion"))
        #expect(TypedLine.check(" \n ") == .failure(.empty))
        #expect(TypedLine.check(String(repeating: "ŵ", count: 1_001)) == .failure(.tooLong))
        #expect(TypedLine.check("Eira\r\nBcc: all@example.org") == .failure(.forbiddenCharacter))
        #expect(TypedLine.check("Eira\u{202E}lpmas") == .failure(.forbiddenCharacter))
    }
}
