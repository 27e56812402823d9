import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconJSONFeed
import BeaconTestSupport
import Foundation
import Testing

@Suite("The json-feed channel")
struct JSONFeedChannelTests {
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
        let data = try PythonScript.output(of: packageRoot.appendingPathComponent("Tests/BeaconJSONFeedTests/Peers/check_json_feed.py"), files.map(\.path))
        return try JSONDecoder().decode([String: Checked].self, from: data)
    }

    struct Example {
        let register: ExampleRegister
        let channel: any Channel
        let feeds: URL

        init(environment: [String: String] = [:]) throws {
            register = try ExampleRegister(sections: [JSONFeedChannel.settings].compactMap { $0 }, environment: environment)
            let (made, problems) = JSONFeedChannel.make(register.configuration, environment: register.environment, state: MemoryChannelState())
            channel = try #require(made, "\(problems)")
            feeds = register.data.appendingPathComponent("feeds/directors-fortnightly")
        }

        @discardableResult
        func publish(on date: CivilDate) throws -> [DeliveryOutcome] {
            let digest = try #require(register.digest("directors-fortnightly"))
            return try channel.deliverRecording(register.deliveries(of: digest, over: channel, on: date)).outcomes
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
        let configuration = try ExampleRegister().configuration
        let (made, problems) = JSONFeedChannel.make(configuration, environment: [:], state: MemoryChannelState())
        #expect(made == nil)
        #expect(problems.map(\.description) == ["Config/digests.yml:directors-fortnightly.channels: JSON feeds need a public address: set json-feed.base_url (or public_base_url) in the settings"])
    }
}
