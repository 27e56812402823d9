import BeaconSQLiteLedger
import BeaconTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("beacon serve: health")
struct HealthTests {
    @Test("/healthz answers 200 while the ledger can be reached")
    func healthy() async throws {
        let example = try PublishedExample()
        try await example.withRouter { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("/healthz answers 503 with a short reason once the ledger is gone, naming no path", arguments: ["removed", "replaced"])
    func ledgerGone(how: String) async throws {
        let example = try PublishedExample()
        let ledger = example.data.appendingPathComponent(SQLiteLedger.fileName)
        try await example.withRouter { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledger.path + suffix) }
            if how == "replaced" {
                // As a restore from a backup would: another ledger's file at the same path.
                let other = try TemporaryFolder.make("restored-ledger")
                _ = try SQLiteLedger(folder: other)
                try FileManager.default.copyItem(at: other.appendingPathComponent(SQLiteLedger.fileName), to: ledger)
            }
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            let text = String(buffer: response.body)
            #expect(text == "y cofnod danfon: ddim ar gael\ndelivery ledger: unavailable\n")
            #expect(!text.contains(example.data.path))
        }
    }
}
