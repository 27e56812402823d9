import Foundation
import Testing

@Suite("check refuses input that would misdirect or stall a run, before anything is written")
struct CheckInputTests {
    @Test("Two audiences whose ids differ only in case are refused, naming both lines")
    func clashingAudiences() throws {
        let folder = try BeaconProcess.copyOfExample()
        try BeaconProcess.edit(folder.appendingPathComponent("Config/audiences.yml"), replacingFirst: "id: directors-of-finance-network", with: "id: Directors")
        let result = try BeaconProcess.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.split(separator: "\n").contains(
            "Config/audiences.yml:16:id: \"Directors\" and \"directors\" (Config/audiences.yml line 10) would share a file name; ids must differ in more than case or punctuation"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path))
    }

    @Test("An audience called .. is refused, so no bulletin can be written outside its folder")
    func parentFolderID() throws {
        let folder = try BeaconProcess.copyOfExample()
        let config = folder.appendingPathComponent("Config")
        for file in ["audiences.yml", "digests.yml", "register/actions.csv"] {
            let url = config.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "directors-of-finance-network", with: "..").write(to: url, atomically: true, encoding: .utf8)
        }
        let result = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("Config/audiences.yml:16:id: \"..\" cannot be an id: it contains \".\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path))
    }
}
