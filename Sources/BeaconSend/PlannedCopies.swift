public import BeaconChannelAPI
public import BeaconCore

/// Every copy a send on a fresh ledger would hand to one channel, for every digest that goes
/// by it, dated one day, in the order the send hands them over: for timing the stages of a
/// send on their own (`beacon-bench`).
public struct PlannedCopies: Sendable {
    private let planner: DeliveryPlanner
    private let work: [(definition: DigestDefinition, recipient: Recipient, listed: Int)]
    private let issueDate: CivilDate

    public init(configuration: Configuration, renderer: DigestRenderer, channel: any Channel, issueDate: CivilDate) {
        let planner = DeliveryPlanner(configuration: configuration, renderer: renderer)
        self.planner = planner
        let listed = configuration.digests.flatMap { definition in
            planner.recipients(of: definition, over: channel.name, reach: channel.reach).recipients.map { (definition, $0) }
        }
        work = planner.inSharingOrder(Array(listed.enumerated())) { $0.element.1 }.map { ($0.element.0, $0.element.1, $0.offset) }
        self.issueDate = issueDate
    }

    public var count: Int { work.count }

    /// Where the copy stands in the digests' own lists of recipients.
    public func listed(_ index: Int) -> Int { work[index].listed }

    /// The copy's issue, assembled now; nil when it has nothing new for the reader.
    public func delivery(_ index: Int) -> Delivery? {
        let (definition, recipient, _) = work[index]
        guard let reader = planner.reader(for: recipient) else { return nil }
        return planner.delivery(to: recipient, of: definition, covering: definition.window(endingOn: issueDate, for: reader))
    }
}
