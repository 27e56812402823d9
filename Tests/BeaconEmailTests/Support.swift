import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
@testable import BeaconEmail
import BeaconTestSupport
import Foundation
import Testing

let peers = packageRoot.appendingPathComponent("Tests/BeaconEmailTests/Peers")
let issueDate = CivilDate(year: 2026, month: 12, day: 1)!
/// A fixed send time, so the outbox and SMTP copies of a message can be compared byte for byte.
let sendTime = Date(timeIntervalSince1970: 1_796_115_600)

/// The example configuration from `Config/`, optionally edited, with its data folder moved to
/// a temporary one and any `BEACON_` settings given.
struct Example {
    let configuration: Configuration
    let environment: [String: String]

    init(environment extra: [String: String] = [:], edit: ((URL) throws -> Void)? = nil) throws {
        var settingsFile = packageRoot.appendingPathComponent("Config/beacon.yml")
        if let edit {
            let copy = try TemporaryFolder.make("config")
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Config"), to: copy.appendingPathComponent("Config"))
            try edit(copy.appendingPathComponent("Config"))
            settingsFile = copy.appendingPathComponent("Config/beacon.yml")
        }
        var environment = ["BEACON_DATA": try TemporaryFolder.make("data").path, "BEACON_UNSUBSCRIBE_SECRET": "test secret, not for real use"]
        environment.merge(extra) { _, new in new }
        self.environment = environment
        configuration = try ConfigurationLoader.load(
            settingsFile: settingsFile, environment: environment, sections: [EmailSettings.spec], ignoringOtherSections: true).configuration
    }

    func settings() throws -> EmailSettings {
        let (settings, problems) = EmailSettings.read(from: configuration, environment: environment)
        return try #require(settings, "\(problems)")
    }

    func channel() throws -> EmailChannel {
        EmailChannel(settings: try settings(), timeZone: configuration.settings.timeZone, clock: { sendTime })
    }

    /// Every email delivery of every example digest.
    func deliveries() throws -> [Delivery] {
        let renderer = try DigestRenderer(configuration: configuration)
        return configuration.digests.flatMap { Array(configuration.deliveries(of: $0, over: EmailChannel.name, reach: .eachSubscriber, on: issueDate, renderer: renderer)) }
    }

    /// Sends every example digest; returns each subscriber's outcome.
    func send(over channel: EmailChannel? = nil) throws -> [String: DeliveryOutcome] {
        try Self.byReader(try (channel ?? self.channel()).deliverRecording(try deliveries()))
    }

    /// Each outcome under `digest/reader`; a delivery recorded twice fails the test.
    static func byReader(_ log: RecordingLog) -> [String: DeliveryOutcome] {
        var outcomes: [String: DeliveryOutcome] = [:]
        for (delivery, outcome) in log.recorded {
            let key = "\(delivery.digest.id)/\(delivery.addressee!.id)"
            #expect(outcomes[key] == nil, "\(key) was recorded twice")
            outcomes[key] = outcome
        }
        return outcomes
    }
}

/// A message as Python's email package reads it (see Peers/read_message.py).
struct ReadMessage: Decodable {
    let headers: [String: String]
    let header_names: [String]
    let content_type: String
    let parts: [String]
    let part_encodings: [String]
    let plain: String?
    let html: String?
    let to_addresses: [String]
    let to_name: String
    let defects: [String]
    let bare_line_feeds: Int
    let longest_body_line: Int
    let longest_header_line: Int
    let non_ascii_bytes: Int

    static func read(_ file: URL) throws -> ReadMessage {
        let output = try PythonScript.output(of: peers.appendingPathComponent("read_message.py"), [file.path])
        return try JSONDecoder().decode(ReadMessage.self, from: output)
    }
}
