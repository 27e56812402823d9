/// The projects an issue can draw on: those of its digest's funds approved before its date
/// (projects approved later do not exist yet for that issue). Also names them for what every
/// issue over the same projects shares, such as matchmaking.
struct ProjectScope: Hashable, Sendable {
    /// In id order; empty for every fund.
    let funds: [FundID]
    let end: CivilDate

    init(_ definition: DigestDefinition, before end: CivilDate) {
        funds = definition.funds.sorted()
        self.end = end
    }

    func contains(_ project: Project) -> Bool {
        covers(project.fund) && project.approvedOn < end
    }

    func covers(_ fund: FundID) -> Bool {
        funds.isEmpty || funds.contains(fund)
    }
}
