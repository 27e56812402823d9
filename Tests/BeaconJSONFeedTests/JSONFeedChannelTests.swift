import BeaconCore
@testable import BeaconJSONFeed
import Foundation
import Testing

@Suite("The json-feed channel")
struct JSONFeedChannelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Checked: Decodable {
        let problems: [String]
        let title: String?
        let language: String?
        let ids: [String]
        let titles: [String]
        let html: [String]
    }

    /// Each file as Python's json module reads it, checked against the JSON Feed 1.1 rules.
    func check(_ files: [URL]) throws -> [String: Checked] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.root.appendingPathComponent("Tests/BeaconJSONFeedTests/Peers/check_json_feed.py").path] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String: Checked].self, from: data)
    }

    struct Example {
        let configuration: Configuration
        let channel: any Channel
        let feeds: URL

        init(environment extra: [String: String] = [:]) throws {
            let data = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-json-feed-\(UUID().uuidString)")
            let environment = ["BEACON_DATA": data.path].merging(extra) { $1 }
            configuration = try ConfigurationLoader.load(
                settingsFile: JSONFeedChannelTests.root.appendingPathComponent("Config/beacon.yml"), environment: environment,
                sections: [JSONFeedChannel.settings].compactMap { $0 }, ignoringOtherSections: true).configuration
            let (made, problems) = JSONFeedChannel.make(configuration, environment: environment, state: MemoryChannelState())
            channel = try #require(made, "\(problems)")
            feeds = data.appendingPathComponent("feeds/directors-fortnightly")
        }

        @discardableResult
        func publish(on date: CivilDate) throws -> [DeliveryOutcome] {
            let planner = DeliveryPlanner(configuration: configuration, renderer: try DigestRenderer(configuration: configuration))
            let digest = try #require(configuration.digest(DigestID("directors-fortnightly")))
            let outcomes = Outcomes()
            try channel.deliver(planner.deliveries(of: digest, over: JSONFeedChannel.name, reach: .eachEdition, on: date)) { outcomes.add($1) }
            return outcomes.all
        }
    }

    @Test("Every feed follows JSON Feed 1.1, in its audience's language")
    func valid() throws {
        let example = try Example()
        let outcomes = try example.publish(on: CivilDate(year: 2026, month: 12, day: 1)!)
        #expect(outcomes.count == 6)
        #expect(outcomes.allSatisfy { if case .delivered = $0 { true } else { false } })
        let files = try FileManager.default.contentsOfDirectory(atPath: example.feeds.path).sorted().map { example.feeds.appendingPathComponent($0) }
        #expect(files.map(\.lastPathComponent) == [
            "directors.further-education.both.json", "directors.further-education.cy.json", "directors.further-education.en.json",
            "directors.health.both.json", "directors.health.cy.json", "directors.health.en.json",
        ])
        let checked = try check(files)
        for (file, result) in checked { #expect(result.problems.isEmpty, "\(file): \(result.problems)") }
        let welsh = try #require(checked[example.feeds.appendingPathComponent("directors.health.cy.json").path])
        #expect(welsh.language == "cy")
        #expect(welsh.titles == ["Buddsoddi i Arbed: crynodeb pythefnosol i gyfarwyddwyr – 1 Rhagfyr 2026"])
        #expect(welsh.html.first?.contains("Newydd ers y rhifyn diwethaf") == true)
    }

    @Test("Later issues keep earlier items exactly; publishing one again replaces it")
    func history() throws {
        let example = try Example()
        let dates = [CivilDate(year: 2026, month: 11, day: 3)!, CivilDate(year: 2026, month: 11, day: 17)!, CivilDate(year: 2026, month: 12, day: 1)!]
        let file = example.feeds.appendingPathComponent("directors.health.en.json")
        try example.publish(on: dates[0])
        let first = try check([file])[file.path]
        for date in dates.dropFirst() { try example.publish(on: date) }
        try example.publish(on: dates[1])
        let final = try #require(try check([file])[file.path])
        #expect(final.problems.isEmpty)
        #expect(final.ids == dates.reversed().map { "beacon:directors-fortnightly:directors.health.en:\($0)" })
        #expect(final.html.last == first?.html.first)
    }

    @Test("Feeds without a public address are refused")
    func needsAddress() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-json-feed-\(UUID().uuidString)")
        let configuration = try ConfigurationLoader.load(
            settingsFile: Self.root.appendingPathComponent("Config/beacon.yml"),
            environment: ["BEACON_DATA": data.path], sections: [], ignoringOtherSections: true).configuration
        let (made, problems) = JSONFeedChannel.make(configuration, environment: [:], state: MemoryChannelState())
        #expect(made == nil)
        #expect(problems.map(\.description) == ["Config/digests.yml:directors-fortnightly.channels: JSON feeds need a public address: set json-feed.base_url (or public_base_url) in the settings"])
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [DeliveryOutcome] = []
    func add(_ outcome: DeliveryOutcome) { lock.withLock { outcomes.append(outcome) } }
    var all: [DeliveryOutcome] { lock.withLock { outcomes } }
}
