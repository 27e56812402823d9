/// Two projects worth a conversation: `match` is the one to call about; `anchor` is the
/// reader's own project or, for a network, the other organisation doing similar work.
struct MatchPair {
    let anchor: Project?
    let match: Project
    let score: Double
    let introducesBoth: Bool

    /// What the reader is told about the pairing, and how much it adds to the match's rank.
    var reason: Reason? {
        guard let anchor else { return nil }
        return introducesBoth ? .similarElsewhere(organisation: anchor.organisation.name) : .similarToYours(title: anchor.title)
    }

    var weight: Int { 10 + Int(score * 30) }
}

/// Finds similar projects in other organisations: the report's "similar projects proposed by
/// organisations that are not talking to each other".
struct Matchmaker {
    let similarity: ProjectSimilarity

    /// Pairs for `reader`, strongest first. Only pairs where one side has news in the window are
    /// kept, so the same introduction is not repeated issue after issue.
    func pairs(among projects: [Project], for reader: Reader, news: [ProjectID: ProjectNews]) -> [MatchPair] {
        let live = projects.filter { $0.status != .withdrawn }
        var pairs: [MatchPair] = []
        if let own = reader.organisation, reader.network == nil {
            let anchors = live.filter { $0.organisation.key == own.key }
            if anchors.isEmpty {
                // A reader with no project of their own is shown proven work in their interests.
                pairs = live.filter { project in
                    project.evaluation.kind == .independent && project.themes.contains(where: reader.interests.contains)
                }.map { MatchPair(anchor: nil, match: $0, score: 0, introducesBoth: false) }
            } else {
                for match in live where match.organisation.key != own.key {
                    let best = anchors.map { ($0, similarity.score($0, match)) }.max { ($0.1, $1.0.id) < ($1.1, $0.0.id) }
                    if let (anchor, score) = best, score >= ProjectSimilarity.threshold {
                        pairs.append(MatchPair(anchor: anchor, match: match, score: score, introducesBoth: false))
                    }
                }
            }
        } else if let network = reader.network {
            let scope = live.filter { project in
                (network.sectors.isEmpty && network.themes.isEmpty) || network.sectors.contains(project.organisation.sector)
                    || project.themes.contains(where: network.themes.contains)
            }
            for (index, first) in scope.enumerated() {
                for second in scope[(index + 1)...] where second.organisation.key != first.organisation.key {
                    let score = similarity.score(first, second)
                    guard score >= ProjectSimilarity.threshold else { continue }
                    let (anchor, match) = first.id < second.id ? (first, second) : (second, first)
                    pairs.append(MatchPair(anchor: anchor, match: match, score: score, introducesBoth: true))
                }
            }
        }
        pairs.removeAll { pair in news[pair.match.id] == nil && pair.anchor.map { news[$0.id] == nil } ?? true }
        return pairs.sorted {
            ($0.score, $1.match.id, $1.anchor?.id ?? $1.match.id) > ($1.score, $0.match.id, $0.anchor?.id ?? $0.match.id)
        }
    }
}
