public import BeaconChannelAPI
public import BeaconCore
import BeaconReaderLinks
public import Foundation
import Synchronization

/// Digests by email: one personal message per reader, over SMTP when a server is set and to
/// the file outbox otherwise.
public final class EmailChannel: Channel, Sendable {
    public static let name = ChannelName("email")
    public var name: ChannelName { Self.name }
    public let reach = ChannelReach.eachSubscriber

    private let settings: EmailSettings
    private let timeZone: TimeZone
    private let clock: @Sendable () -> Date
    private let made = Mutex<EmailComposer?>(nil)

    public init(settings: EmailSettings, timeZone: TimeZone, clock: @escaping @Sendable () -> Date = Date.init) {
        self.settings = settings
        self.timeZone = timeZone
        self.clock = clock
    }

    /// The unsubscribe key is made only when a message is first composed, so `check` writes
    /// nothing; the composer is then kept, so a kept key is read from its file once, not per message.
    private func composer() throws(ChannelFailure) -> EmailComposer {
        if let composer = made.withLock({ $0 }) { return composer }
        let composer: EmailComposer
        do {
            composer = EmailComposer(settings: settings, timeZone: timeZone, keys: try settings.linkKeys.keys())
        } catch {
            throw ChannelFailure("\(error)")
        }
        made.withLock { $0 = composer }
        return composer
    }

    public var destination: String {
        settings.smtp.map { "SMTP server \($0.displayURL)" } ?? "outbox \(ConfigurationLoader.displayName(settings.outbox))"
    }

    public func deliver(_ deliveries: some Sequence<Delivery>, log: any DeliveryLog) throws(ChannelFailure) {
        let composer = try composer()
        let clock = clock
        let limit = settings.maxMessageBytes
        let compose = { @Sendable (delivery: Delivery) in Self.message(for: delivery, by: composer, at: clock(), limit: limit) }
        guard let smtp = settings.smtp else {
            let outbox = FileOutbox(folder: settings.outbox)
            ComposerThreads(deliveries).run(named: "beacon-outbox", carryOn: { log.mayHandOver }) { delivery in
                switch compose(delivery) {
                case .success(let message): log.recordRepeatable(delivery, outbox.write(message, for: delivery))
                case .failure(let unsendable): log.recordRepeatable(delivery, .failed(unsendable.reason))
                }
            }
            return
        }
        try SMTPDispatcher(settings: smtp).run(deliveries, compose: compose, log: log)
    }

    /// Why a delivery's message is not sent; recorded as its failure, for the fund team.
    struct Unsendable: Error {
        let reason: String
    }

    /// The message for `delivery`, unless it is not to a person or list, or is larger than
    /// `limit` bytes: only a register text far too long makes one, and a mail server would
    /// refuse it or readers' mailboxes fill with it.
    static func message(
        for delivery: Delivery, by composer: EmailComposer, at date: Date, limit: Int
    ) -> Result<EmailComposer.Message, Unsendable> {
        guard let message = composer.compose(delivery, at: date) else { return .failure(Unsendable(reason: notToAPerson)) }
        guard message.bytes.count <= limit else {
            let size = { (bytes: Int) in bytes < 1_000_000 ? "\(bytes / 1_000) KB" : String(format: "%.1f MB", Double(bytes) / 1_000_000) }
            return .failure(Unsendable(reason: """
                the message is \(size(message.bytes.count)), over email.max_message_bytes (\(size(limit))); \
                a text in the register is probably far too long: check this reader's digest with beacon preview, \
                shorten the text, or raise the limit
                """))
        }
        return .success(message)
    }

    /// Sends messages already composed over the configured SMTP server, as connections free
    /// up: SMTP on its own, for timing it against another client that sends ready messages.
    public func send(composed messages: [EmailComposer.Message]) throws(ChannelFailure) -> [DeliveryOutcome] {
        guard let smtp = settings.smtp else { throw ChannelFailure("no SMTP server is set; set email.smtp.url or BEACON_SMTP_URL") }
        return try SMTPDispatcher(settings: smtp).run(composed: messages)
    }


    /// The message with its envelope sender and recipient.
    public func addressedMessage(for delivery: Delivery) throws(ChannelFailure) -> EmailComposer.Message {
        guard let message = try composer().compose(delivery, at: clock()) else { throw ChannelFailure(Self.notToAPerson) }
        return message
    }

    static let notToAPerson = "email is written to subscribers and mailing lists, not to shared editions"

    /// The keys that sign readers' links, for checking a token someone sent back.
    func linkKeys() throws(ChannelFailure) -> LinkKeys {
        try composer().keys
    }
}

extension EmailChannel: ExactMessagePreview {
    /// The message one reader would receive, byte for byte: `beacon preview --format eml`.
    public func exactMessage(for delivery: Delivery) throws(ChannelFailure) -> Data {
        try addressedMessage(for: delivery).bytes
    }
}

extension EmailChannel: OneOffMessageSender {
    /// Over SMTP when a server is set, otherwise to `outbox/_one-off/`.
    public func send(_ message: OneOffMessage) throws(ChannelFailure) -> DeliveryOutcome {
        let composed = try composer().compose(message, at: clock())
        guard let smtp = settings.smtp else {
            return FileOutbox(folder: settings.outbox).write(composed, to: FileOutbox(folder: settings.outbox).file(forOneOff: message.reference))
        }
        return try SMTPDispatcher(settings: smtp).run(composed: [composed]).first ?? .deferred("the SMTP server took no message")
    }
}

extension EmailChannel: UnsubscribeTokenVerifier {
    public func verifyUnsubscribeToken(_ token: String) throws(ChannelFailure) -> UnsubscribeRequest? {
        guard case .unsubscribe(let reader, let digest)? = ReaderLink.verify(token, with: try linkKeys()) else { return nil }
        return UnsubscribeRequest(reader: reader, digest: digest)
    }
}

extension EmailChannel: ChannelModule {
    public static var settings: SettingsSectionSpec? { EmailSettings.spec }

    public static func make(
        _ configuration: Configuration, environment: [String: String], state: any ChannelState
    ) -> (channel: (any Channel)?, problems: [Diagnostic]) {
        let (settings, problems) = EmailSettings.read(from: configuration, environment: environment)
        return (settings.map { EmailChannel(settings: $0, timeZone: configuration.settings.timeZone) }, problems)
    }
}
