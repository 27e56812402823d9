import BeaconTestSupport
import Foundation
import Testing

@Suite("Feeds survive a run killed part-way")
struct FeedCrashTests {
    func feedFiles(in folder: URL) throws -> [String] {
        let feeds = folder.appendingPathComponent("Digests/feeds/directors-fortnightly")
        return try FileManager.default.contentsOfDirectory(atPath: feeds.path).filter { $0.hasSuffix(".xml") }
            .map { feeds.appendingPathComponent($0).path }
    }

    func valid(_ files: [String]) throws -> Bool {
        try PythonScript.run(packageRoot.appendingPathComponent("Tests/BeaconCLITests/Peers/feeds_valid.py"), files).status == 0
    }

    @Test("kill -9 at any moment of a send leaves every published feed whole and valid")
    func killed() throws {
        let folder = try BeaconProcess.copyOfExample()
        #expect(try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-11-17"], in: folder).status == 0)
        let before = try feedFiles(in: folder)
        #expect(before.count == 6)
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = BeaconProcess.executable
            process.arguments = ["send", "directors-fortnightly", "--as-of", "2026-12-0\(attempt % 2 + 1)"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(attempt) * 0.02)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try valid(before), "after a kill at \(attempt * 20) ms")
        }
    }

    @Test("a feed keeps the items of earlier runs, held in the ledger between them")
    func historyAcrossRuns() throws {
        let folder = try BeaconProcess.copyOfExample()
        for date in ["2026-11-17", "2026-12-01"] {
            #expect(try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", date], in: folder).status == 0)
        }
        let feed = try String(contentsOf: folder.appendingPathComponent("Digests/feeds/directors-fortnightly/directors.health.en.xml"), encoding: .utf8)
        #expect(feed.components(separatedBy: "<item>").count == 3)
        #expect(feed.contains(":2026-11-17</guid>") && feed.contains(":2026-12-01</guid>"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests/state").path))
    }

    @Test("check refuses feeds with no public address")
    func noBaseURL() throws {
        let folder = try BeaconProcess.copyOfExample()
        let settings = folder.appendingPathComponent("Config/beacon.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        let rssAddress = try #require(text.range(of: "  base_url: https://www.gov.wales.example/invest-to-save/feeds\n"))
        try text.replacingCharacters(in: rssAddress, with: "").write(to: settings, atomically: true, encoding: .utf8)
        let result = try BeaconProcess.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("Config/digests.yml:directors-fortnightly.channels: feeds need a public address: set rss.base_url (or public_base_url) in the settings"))
    }
}
