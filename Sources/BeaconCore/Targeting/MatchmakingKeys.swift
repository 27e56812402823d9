/// Whose pairs a reader is shown: their organisation's own, proven work in their interests
/// (an organisation with no project), or, for a network, every pair in its scope.
enum Pairing: Hashable, Sendable {
    case organisation(Int32)
    /// In id order.
    case interests([ThemeID])
    case network(AudienceID)
}

/// Names the pairs with news that one kind of reader draws on over a set of projects and a window.
struct ReaderMatchesKey: Hashable, Sendable {
    let scope: ProjectScope
    let start: CivilDate
    let pairing: Pairing
}

/// Names the proven work in a set of interests over a set of projects.
struct ProvenWorkKey: Hashable, Sendable {
    let scope: ProjectScope
    /// In id order.
    let interests: [ThemeID]
}
