import BeaconChannelTesting
import BeaconReaderLinks
import BeaconSQLiteLedger
import BeaconTestSupport
import BeaconWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite("beacon serve: health")
struct HealthTests {
    @Test("/healthz answers 200 while the ledger can be reached")
    func healthy() async throws {
        let example = try ExampleRegister()
        let ledger = try SQLiteLedger(folder: try TemporaryFolder.make("web"))
        let service = WebService(context: WebContext(
            configuration: example.configuration, ledger: ledger, channels: [:], renderer: example.renderer,
            linkKeys: LinkKeys(signing: .random())))
        try await service.application(port: 0).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
