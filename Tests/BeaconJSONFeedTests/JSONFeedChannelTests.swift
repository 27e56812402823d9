import BeaconCore
@testable import BeaconJSONFeed
import Foundation
import Testing

@Suite("The json-feed channel")
struct JSONFeedChannelTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example digests, delivered through this channel into a temporary data folder.
    /// FILL IN: start the channel's real peer here (a server on loopback, a parser) and read
    /// what the channel delivered the way its real reader would.
    @Test("Every edition of an example digest is delivered")
    func delivers() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-json-feed-\(UUID().uuidString)")
        let environment = ["BEACON_DATA": data.path]
        let configuration = try ConfigurationLoader.load(
            settingsFile: root.appendingPathComponent("Config/beacon.yml"), environment: environment,
            sections: [JSONFeedChannel.settings].compactMap { $0 }, ignoringOtherSections: true).configuration
        let (made, problems) = JSONFeedChannel.make(configuration, environment: environment)
        let channel = try #require(made, "\(problems)")
        let digest = try #require(configuration.digests.first)
        let renderer = try DigestRenderer(configuration: configuration)
        let assembler = DigestAssembler(configuration: configuration)
        let date = CivilDate(year: 2026, month: 12, day: 1)!
        let deliveries = configuration.editions(of: digest).map { edition in
            Delivery(recipient: .edition(edition), issue: assembler.assemble(digest, for: Reader(edition: edition), on: date), renderer: renderer)
        }
        let outcomes = Outcomes()
        try channel.deliver(deliveries) { _, outcome in outcomes.add(outcome) }
        #expect(outcomes.all.count == deliveries.count)
        #expect(outcomes.all.allSatisfy { if case .delivered = $0 { true } else { false } })
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [DeliveryOutcome] = []
    func add(_ outcome: DeliveryOutcome) { lock.withLock { outcomes.append(outcome) } }
    var all: [DeliveryOutcome] { lock.withLock { outcomes } }
}
