import BeaconBulletin
import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
import BeaconEmail
import BeaconJSONFeed
import BeaconLedger
import BeaconReaderLinks
import BeaconRSS
import BeaconSQLiteLedger
import BeaconSend
import BeaconTestSupport
import BeaconWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The example Config/ in a temporary folder, a real SQLite ledger, the real channels (email to
/// the file outbox, or to `smtp`), and the web service over them, with a clock the test moves.
final class WebFixture: Sendable {
    static let base = "https://digests.example"
    static let secret = "a web test secret, sixteen+ characters"

    let example: ExampleRegister
    let ledger: SQLiteLedger
    let channels: [ChannelName: any Channel]
    let keys = LinkKeys(signing: SymmetricSecret(WebFixture.secret))
    private let clock: Mutex<Date>

    /// 1 December 2026, 10:00 in London: after the example's issues of that day are due.
    static let firstOfDecember = Date(timeIntervalSince1970: 1_796_119_200)

    init(smtp: String? = nil, edit: ((URL) throws -> Void)? = nil) throws {
        var environment = ["BEACON_PUBLIC_BASE_URL": Self.base, "BEACON_UNSUBSCRIBE_SECRET": Self.secret]
        if let smtp { environment["BEACON_SMTP_URL"] = smtp }
        example = try ExampleRegister(
            sections: [EmailSettings.spec, RSSSettings.spec, JSONFeedSettings.spec, BulletinSettings.spec], environment: environment, edit: edit)
        ledger = try SQLiteLedger(folder: example.data)
        clock = Mutex(Self.firstOfDecember)
        var channels: [ChannelName: any Channel] = [:]
        let makers: [(ChannelName, (Configuration, [String: String], any ChannelState) -> (channel: (any Channel)?, problems: [Diagnostic]))] = [
            (EmailChannel.name, EmailChannel.make), (RSSChannel.name, RSSChannel.make),
            (JSONFeedChannel.name, JSONFeedChannel.make), (BulletinChannel.name, BulletinChannel.make),
        ]
        for (name, make) in makers {
            channels[name] = make(example.configuration, example.environment, ledger.state(of: name)).channel
        }
        self.channels = channels
    }

    var now: Date {
        get { clock.withLock { $0 } }
        set { clock.withLock { $0 = newValue } }
    }

    var configuration: Configuration { example.configuration }

    var service: WebService {
        WebService(context: WebContext(
            configuration: configuration, ledger: ledger, channels: channels, renderer: example.renderer, linkKeys: keys,
            now: { [self] in now }))
    }

    /// Runs the service in memory, as Hummingbird's router test does.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await service.application(port: 0).test(.router, body)
    }

    /// `beacon send DIGEST --as-of DATE`, as the command does it.
    @discardableResult
    func send(_ digest: String, on date: String) throws -> SendRun.Result {
        let definition = try #require(configuration.digest(DigestID(digest)))
        let issueDate = try #require(CivilDate(parsing: date))
        let moment = issueDate.start(in: configuration.settings.timeZone).addingTimeInterval(10 * 3600)
        return try SendRun(
            configuration: configuration, ledger: ledger, channels: channels, renderer: example.renderer,
            retryPolicy: RetryPolicy(attempts: 8, firstDelay: 900), stop: StopSignal(), now: { moment }, command: "send"
        ).run([IssueRequest(definition: definition, date: issueDate, scheduledAt: nil)], everythingDue: false, reportDate: issueDate)
    }

    /// `/u/TOKEN` for a subscriber in the files.
    func unsubscribePath(_ subscriber: String, _ digest: String) -> String {
        "/u/" + ReaderLink.unsubscribe(reader: .subscriber(SubscriberID(subscriber)), digest: DigestID(digest)).signed(with: keys)
    }

    func suppressions() throws -> [Suppression] {
        try ledger.suppressions()
    }

    /// Every message written to the file outbox under `folder`, read as text.
    func outbox(_ folder: String) throws -> [String] {
        let root = example.data.appendingPathComponent("outbox").appendingPathComponent(folder)
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap({ $0 as? URL }) else { return [] }
        return try files.filter { $0.pathExtension == "eml" }.sorted { $0.path < $1.path }.map { try String(contentsOf: $0, encoding: .utf8) }
    }
}
