public import BeaconChannelAPI
public import BeaconCore

/// Everyone a digest goes to over one channel, found by the key the ledger keeps for each:
/// worked out once per run, for opening the issue and for handing its deliveries over.
public struct RecipientList: Sendable {
    public let recipients: [Recipient]
    private let positions: [RecipientKey: Int]

    init(_ recipients: [Recipient]) {
        self.recipients = recipients
        // A repeated key (never, once `check` has passed) keeps its first recipient.
        positions = Dictionary(recipients.indices.map { (recipients[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(key: RecipientKey) -> Recipient? { positions[key].map { recipients[$0] } }

    public var count: Int { recipients.count }
}
