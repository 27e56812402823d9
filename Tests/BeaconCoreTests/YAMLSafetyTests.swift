@testable import BeaconCore
import Foundation
import Testing

@Suite("YAML files are read without anchors, aliases or deep nesting, and within a size")
struct YAMLSafetyTests {
    /// Nine levels of mappings whose keys hold nine aliases of the level below: a few
    /// kilobytes that expand to 9^9 nodes when Yams checks the keys.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 {" + (0..<9).map { "k\($0): v" }.joined(separator: ", ") + "}"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) {" + (0..<9).map { "[*a\(level - 1), \($0)]: v" }.joined(separator: ", ") + "}")
        }
        return lines.joined(separator: "\n")
    }()

    @Test("A file of nested aliases used as keys is refused at once, naming the file and line of the first anchor", .timeLimit(.minutes(1)))
    func aliasBomb() throws {
        var fixture = Fixture()
        fixture.files["audiences.yml"] = "# who digests are for\n" + Self.aliasBomb
        let started = Date()
        let errors = try fixture.errors()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(errors.contains("audiences.yml:2: the anchor &a0 is not allowed: Beacon's files use no anchors or aliases; write the value out in full where it is needed"))
    }

    @Test("An alias with no anchor is refused as an alias")
    func aliasAlone() throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: monthly", with: "    frequency: *monthly")
        #expect(try fixture.errors() == ["digests.yml:5: aliases (*name) are not allowed: Beacon's files use no anchors or aliases; write the value out in full where it is needed"])
    }

    @Test("Ordinary text with * and & in it still loads as written")
    func starsAndAmpersands() throws {
        var fixture = Fixture()
        fixture.edit("audiences.yml", replacing: "name: {en: Directors, cy: Cyfarwyddwyr}", with: "name: {en: \"R&D *bold* directors\", cy: Cyfarwyddwyr Y&D *beiddgar*}")
        let (configuration, _) = try fixture.load()
        #expect(configuration.audience(AudienceID("directors"))?.name == LocalizedText(english: "R&D *bold* directors", welsh: "Cyfarwyddwyr Y&D *beiddgar*"))
    }

    @Test("Nesting deeper than any Beacon file needs is refused with its line, however deep", arguments: [100, 5_000])
    func deepNesting(levels: Int) throws {
        var fixture = Fixture()
        fixture.edit("digests.yml", replacing: "    frequency: monthly", with: "    frequency: monthly\n    funds: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
        let errors = try fixture.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("digests.yml:6: ") == true)
        #expect(errors.first?.contains(levels < 1_000 ? "nested more than 32 levels deep" : "Maximum nesting level") == true)
    }

    @Test("A definitions file over 1 MB, or a register file over 128 MB, is refused before it is read in full")
    func fileSizes() throws {
        var fixture = Fixture()
        fixture.files["digests.yml"]! += "\n# " + String(repeating: "x", count: 1 << 20)
        let settings = try fixture.write()
        let projects = settings.deletingLastPathComponent().appendingPathComponent("register/projects.csv")
        let handle = try FileHandle(forWritingTo: projects)
        try handle.truncate(atOffset: 129 << 20)
        try handle.close()
        do {
            _ = try ConfigurationLoader.load(settingsFile: settings, environment: [:])
            Issue.record("oversized files were accepted")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.map { Fixture.relative($0.description) }
            #expect(errors.contains("digests.yml: the file is larger than 1 MB, far beyond any genuine one; check that this is the right file"))
            #expect(errors.contains("register/projects.csv: the file is larger than 128 MB, far beyond any genuine one; check that this is the right file"))
        }
    }
}
