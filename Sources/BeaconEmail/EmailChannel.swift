import BeaconCore
import Foundation

/// Digests by email: one personal message per reader, over SMTP when a server is set and to
/// the file outbox otherwise.
public final class EmailChannel: Channel {
    public static let name = ChannelName("email")
    public var name: ChannelName { Self.name }

    private let settings: EmailSettings
    private let composer: EmailComposer
    private let clock: @Sendable () -> Date

    public init(settings: EmailSettings, timeZone: TimeZone, clock: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.composer = EmailComposer(settings: settings, timeZone: timeZone)
        self.clock = clock
    }

    public var destination: String {
        settings.smtp.map { "SMTP server \($0.displayURL)" } ?? "outbox \(ConfigurationLoader.displayName(settings.outbox))"
    }

    public func deliver(
        _ deliveries: some Sequence<Delivery>, record: @escaping @Sendable (Delivery, DeliveryOutcome) -> Void
    ) throws(ChannelFailure) {
        guard let smtp = settings.smtp else {
            let outbox = FileOutbox(folder: settings.outbox)
            for delivery in deliveries {
                record(delivery, outbox.write(composer.compose(delivery, at: clock()), for: delivery))
            }
            return
        }
        let composer = composer, clock = clock
        try SMTPDispatcher(settings: smtp).run(deliveries, compose: { composer.compose($0, at: clock()) }, record: record)
    }

    /// The exact message one reader would receive, for `beacon preview --format eml`.
    public func message(for delivery: Delivery) -> Data {
        composer.compose(delivery, at: clock()).bytes
    }
}
