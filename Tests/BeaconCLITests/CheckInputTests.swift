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

    @Test("A subscriber whose id looks like a network's mailing list is refused, so their unsubscribe link can never stop the list")
    func subscriberNamedLikeAList() throws {
        let folder = try BeaconProcess.copyOfExample()
        try BeaconProcess.edit(folder.appendingPathComponent("Config/subscribers.yml"), replacingFirst: "id: cllr-eira-sampl", with: "id: list:directors-of-finance-network")
        let result = try BeaconProcess.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("Config/subscribers.yml:5:id: \"list:directors-of-finance-network\" cannot be an id: it contains \":\""))
    }

    @Test("A network list's unsubscribe link stops the list, and only the list")
    func listToken() throws {
        let folder = try BeaconProcess.copyOfExample()
        _ = try BeaconProcess.run(["send", "network-meeting-bulletin", "--as-of", "2026-12-08"], in: folder)
        let sent = folder.appendingPathComponent("Digests/outbox/network-meeting-bulletin/2026-12-08")
        let listFile = try #require(try FileManager.default.contentsOfDirectory(atPath: sent.path).first { $0.hasPrefix("list-") })
        let message = try String(contentsOf: sent.appendingPathComponent(listFile), encoding: .utf8)
        let header = try #require(message.components(separatedBy: "\r\n").first { $0.contains("unsubscribe%20") })
        let token = try #require(header.components(separatedBy: "unsubscribe%20").last?.split(separator: ">").first).description
        let result = try BeaconProcess.run(["unsubscribe", token], in: folder)
        #expect(result.output.contains("Recorded: dof-network@lists.gov.wales.example (list:directors-of-finance-network) gets no more issues of network-meeting-bulletin."))
        _ = try BeaconProcess.run(["send", "network-meeting-bulletin", "--as-of", "2027-03-09"], in: folder)
        let next = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Digests/outbox/network-meeting-bulletin/2027-03-09").path)
        #expect(next.sorted() == ["alun-example.eml", "carys-ffug.eml", "huw-enghraifft.eml"])
    }

    @Test("A digests file of nested YAML aliases stops send --due at once with its file and line, instead of stalling it")
    func aliasBomb() throws {
        let folder = try BeaconProcess.copyOfExample()
        var lines = ["a0: &a0 {" + (0..<9).map { "k\($0): v" }.joined(separator: ", ") + "}"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) {" + (0..<9).map { "[*a\(level - 1), \($0)]: v" }.joined(separator: ", ") + "}")
        }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("Config/digests.yml"), atomically: true, encoding: .utf8)
        let started = Date()
        let result = try BeaconProcess.run(["send", "--due"], in: folder)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 1)
        #expect(result.errors.contains("Config/digests.yml:1: the anchor &a0 is not allowed"))
    }
}
