/// What the rules of relevance see of a project and a reader: plain facts. Ranking thousands
/// of candidates for a reader and giving the reasons of an item on the page both read them,
/// through the same table of rules, so a score and its reasons cannot disagree.
struct RelevanceFacts: Equatable {
    /// The reader has an organisation of their own; a shared edition or a network has none.
    var readerHasOrganisation = false
    /// The reader is a network, or reads on its behalf.
    var readerIsNetwork = false
    var ownOrganisation = false
    /// The same sector as the reader's organisation.
    var sameSector = false
    /// The same size as the reader's organisation, both given.
    var sameSize = false
    /// The same region as the reader's organisation, which is not all of Wales.
    var sameRegion = false
    /// The sector a shared edition is written for.
    var editionSector = false
    /// One of the sectors the reader's network looks after.
    var networkSector = false
    /// How many of the project's themes are among the reader's interests, up to `maximumSharedThemes`.
    var sharedThemes = 0
    var evaluation = Evaluation.Kind.none
    var savingsAchieved = false

    /// Shared themes beyond this many add nothing more.
    static let maximumSharedThemes = 3
}

/// One rule of relevance between a project and a reader: when it applies, what it adds to the
/// project's rank and the reason the reader is shown.
struct RelevanceRule: Sendable {
    let applies: @Sendable (RelevanceFacts) -> Bool
    let weight: @Sendable (RelevanceFacts) -> Int
    /// Worked out only for an item on the page, from the project and the themes the reader shares with it.
    let reason: @Sendable (_ project: Project, _ sharedThemes: [ThemeID]) -> Reason

    init(
        _ weight: @escaping @Sendable (RelevanceFacts) -> Int, when applies: @escaping @Sendable (RelevanceFacts) -> Bool,
        reason: @escaping @Sendable (_ project: Project, _ sharedThemes: [ThemeID]) -> Reason
    ) {
        self.applies = applies
        self.weight = weight
        self.reason = reason
    }

    init(_ weight: Int, when applies: @escaping @Sendable (RelevanceFacts) -> Bool, reason: @escaping @Sendable (Project, [ThemeID]) -> Reason) {
        self.init({ _ in weight }, when: applies, reason: reason)
    }

    private static let sharedThemes = { @Sendable (facts: RelevanceFacts) in 8 * facts.sharedThemes }

    /// The ranking table: what a reader's organisation, sector, network and interests make of
    /// a project, and how well it is evidenced. A reader shown several reasons sees the
    /// weightiest first, and among equal weights the one listed here first.
    static let table: [RelevanceRule] = [
        RelevanceRule(50, when: { $0.ownOrganisation }) { _, _ in .yourOrganisation },
        RelevanceRule(20, when: { $0.readerHasOrganisation && !$0.ownOrganisation && $0.sameSector }) { project, _ in
            .sameSector(project.organisation.sector)
        },
        RelevanceRule(5, when: { $0.readerHasOrganisation && !$0.ownOrganisation && $0.sameSector && $0.sameSize }) { _, _ in
            .similarOrganisation
        },
        RelevanceRule(15, when: { $0.readerHasOrganisation && !$0.ownOrganisation && !$0.sameSector && $0.sharedThemes > 0 }) { project, _ in
            .crossSector(project.organisation.sector)
        },
        RelevanceRule(10, when: { $0.readerHasOrganisation && !$0.ownOrganisation && $0.sameRegion }) { project, _ in
            .sameRegion(project.organisation.region)
        },
        RelevanceRule(20, when: { !$0.readerHasOrganisation && $0.editionSector }) { project, _ in .sameSector(project.organisation.sector) },
        RelevanceRule(20, when: { $0.readerIsNetwork && $0.networkSector }) { project, _ in .networkSector(project.organisation.sector) },
        RelevanceRule(sharedThemes, when: { $0.readerIsNetwork && !$0.readerHasOrganisation && $0.sharedThemes > 0 }) { _, shared in
            .networkTheme(shared)
        },
        RelevanceRule(sharedThemes, when: { $0.readerHasOrganisation && $0.sharedThemes > 0 }) { _, shared in .sharedInterest(shared) },
        RelevanceRule(15, when: { $0.evaluation == .independent }) { _, _ in .independentlyEvaluated },
        RelevanceRule(5, when: { $0.evaluation == .internal }) { _, _ in .internallyEvaluated },
        RelevanceRule(10, when: { $0.savingsAchieved }) { project, _ in .savingsAchieved(project.achievedSavings!) },
    ]
}
