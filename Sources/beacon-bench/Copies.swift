import BeaconCore

/// Every email copy of every digest that goes by email, dated one day, in the order `send`
/// hands them over: the subscribers and mailing lists it would write to on a fresh ledger.
struct Copies: Sendable {
    private let planner: DeliveryPlanner
    private let work: [(definition: DigestDefinition, recipient: Recipient, listed: Int)]
    private let issueDate: CivilDate

    init(configuration: Configuration, renderer: DigestRenderer, issueDate: CivilDate) {
        let planner = DeliveryPlanner(configuration: configuration, renderer: renderer)
        let email = ChannelName("email")
        self.planner = planner
        let listed = configuration.digests.flatMap { definition in
            planner.recipients(of: definition, over: email, reach: .eachSubscriber).map { (definition, $0) }
        }
        work = planner.inSharingOrder(Array(listed.enumerated())) { $0.element.1 }.map { ($0.element.0, $0.element.1, $0.offset) }
        self.issueDate = issueDate
    }

    var count: Int { work.count }

    /// Where the copy stands in the digests' own lists of recipients.
    func listed(_ index: Int) -> Int { work[index].listed }

    /// The copy's issue, assembled now; nil when it has nothing new for the reader.
    func delivery(_ index: Int) -> Delivery? {
        let (definition, recipient, _) = work[index]
        guard let reader = planner.reader(for: recipient) else { return nil }
        return planner.delivery(to: recipient, of: definition, covering: definition.window(endingOn: issueDate, for: reader))
    }
}
