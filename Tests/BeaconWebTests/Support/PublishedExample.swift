import BeaconBulletin
import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
import BeaconJSONFeed
import BeaconReaderLinks
import BeaconRSS
import BeaconSQLiteLedger
import BeaconWeb
import Foundation
import HummingbirdTesting
import Testing

let december = CivilDate(year: 2026, month: 12, day: 1)!

/// The example register in a temporary folder with its feeds and bulletins published by the
/// real RSS, JSON Feed and bulletin channels, its ledger, and the web service over them.
struct PublishedExample {
    let register: ExampleRegister
    let ledger: SQLiteLedger
    let service: WebService

    init(environment: [String: String] = [:]) throws {
        register = try ExampleRegister(sections: [RSSSettings.spec, JSONFeedSettings.spec, BulletinSettings.spec], environment: environment)
        // Opened first: a ledger is refused in a folder that already holds published files.
        ledger = try SQLiteLedger(folder: register.data)
        let modules: [any ChannelModule.Type] = [RSSChannel.self, JSONFeedChannel.self, BulletinChannel.self]
        for module in modules {
            let (made, problems) = module.make(register.configuration, environment: register.environment, state: MemoryChannelState())
            let channel = try #require(made, "\(problems)")
            for digest in ["directors-fortnightly", "network-meeting-bulletin"] {
                let definition = try #require(register.digest(digest))
                let log = try channel.deliverRecording(register.deliveries(of: definition, over: channel, on: december))
                #expect(log.allDelivered)
            }
        }
        service = WebService(
            context: WebContext(
                configuration: register.configuration, ledger: ledger, channels: [:], renderer: register.renderer,
                linkKeys: LinkKeys(signing: .random())),
            metrics: testMetrics)
    }

    var data: URL { register.data }

    /// Every published file, relative to the data folder.
    var publishedFiles: [String] {
        ["feeds", "bulletins"].flatMap { folder in
            FileManager.default.enumerator(atPath: data.appendingPathComponent(folder).path)!.compactMap { item -> String? in
                let path = "\(folder)/\(item as! String)"
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: data.appendingPathComponent(path).path, isDirectory: &isFolder)
                return exists && !isFolder.boolValue ? path : nil
            }
        }.sorted()
    }

    func contents(_ relativePath: String) throws -> Data {
        try Data(contentsOf: data.appendingPathComponent(relativePath))
    }

    /// Runs `test` against the router, without a network.
    func withRouter(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await service.application(port: 0).test(.router) { client in try await test(client) }
    }

    /// Runs `test` against the service listening on a port of loopback.
    func withServer(_ test: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await service.application(port: 0).test(.live) { client in try await test(try #require(client.port)) }
    }
}

extension TestResponse {
    var bytes: Data { Data(body.readableBytesView) }
}
