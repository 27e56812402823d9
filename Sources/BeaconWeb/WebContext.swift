public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger
public import BeaconReaderLinks
public import Foundation

/// What every route of the reader-facing service works with: the fund team's configuration,
/// the ledger it shares with `send` and `run`, the channels (email sends sign-up
/// confirmations), the keys of readers' links and the clock.
public struct WebContext: Sendable {
    public let configuration: Configuration
    public let ledger: any DeliveryLedger
    public let channels: [ChannelName: any Channel]
    public let renderer: DigestRenderer
    public let linkKeys: LinkKeys
    public let now: @Sendable () -> Date

    public init(
        configuration: Configuration, ledger: any DeliveryLedger, channels: [ChannelName: any Channel], renderer: DigestRenderer,
        linkKeys: LinkKeys, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.configuration = configuration
        self.ledger = ledger
        self.channels = channels
        self.renderer = renderer
        self.linkKeys = linkKeys
        self.now = now
    }
}
