@testable import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSQLiteLedger
import BeaconSend
import BeaconTestSupport
import Foundation

/// The example configuration with a fresh data folder, and a ledger in it.
struct LedgerFixture {
    let configuration: Configuration
    let ledger: any DeliveryLedger
    let renderer: DigestRenderer
    /// The run everything the tests record belongs to.
    let run: LedgerRun
    let london = TimeZone(identifier: "Europe/London")!

    init() throws {
        let data = try TemporaryFolder.make("ledger")
        configuration = try ConfigurationLoader.load(
            settingsFile: packageRoot.appendingPathComponent("Config/beacon.yml"), environment: ["BEACON_DATA": data.path],
            ignoringOtherSections: true).configuration
        ledger = try SQLiteLedger(folder: data)
        renderer = try DigestRenderer(configuration: configuration)
        run = try ledger.startRun(command: "test", at: Date())
    }

    func digest(_ id: String) -> DigestDefinition { configuration.digest(DigestID(id))! }

    /// An opener for channels of the given reach, without needing the channels themselves.
    func opener(_ reaches: [ChannelName: ChannelReach] = [ChannelName("email"): .eachSubscriber]) -> IssueOpener {
        IssueOpener(configuration: configuration, renderer: renderer, ledger: ledger, reaches: reaches)
    }

    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
}
