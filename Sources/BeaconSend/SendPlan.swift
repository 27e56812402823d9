import BeaconChannelAPI
import BeaconCore
import BeaconLedger

/// What a run works out once and both opening issues and handing deliveries over use: who each
/// digest goes to over each channel (found by the key the ledger keeps), who asked for nothing
/// more, and how each recipient reads and is assembled for.
final class SendPlan: @unchecked Sendable {
    let configuration: Configuration
    let planner: DeliveryPlanner
    let ledger: any DeliveryLedger
    let reaches: [ChannelName: ChannelReach]
    private var recipientLists: [Key: RecipientList] = [:]
    private var suppressions: [DigestID: Suppressed] = [:]

    init(configuration: Configuration, renderer: DigestRenderer, ledger: any DeliveryLedger, reaches: [ChannelName: ChannelReach]) {
        self.configuration = configuration
        self.planner = DeliveryPlanner(configuration: configuration, renderer: renderer)
        self.ledger = ledger
        self.reaches = reaches
    }

    /// Everyone `definition` goes to over `channel`; nil when this build has no such channel.
    /// Asked from one thread at a time.
    func recipients(of definition: DigestDefinition, over channel: ChannelName) -> RecipientList? {
        guard let reach = reaches[channel] else { return nil }
        let key = Key(digest: definition.id, channel: channel)
        if let list = recipientLists[key] { return list }
        let list = planner.recipients(of: definition, over: channel, reach: reach)
        recipientLists[key] = list
        return list
    }

    /// Who must get nothing more of `digest`, as the ledger had it when first asked in this run.
    func suppressed(for digest: DigestID) throws(LedgerError) -> Suppressed {
        if let suppressed = suppressions[digest] { return suppressed }
        let suppressed = try ledger.suppressed(for: digest)
        suppressions[digest] = suppressed
        return suppressed
    }

    private struct Key: Hashable {
        let digest: DigestID
        let channel: ChannelName
    }
}
