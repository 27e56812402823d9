import Foundation

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
///
/// Which pairs an organisation, a set of interests or a network has depends only on the
/// projects, not on the reader, so each is worked out once per set of projects and kept in
/// `cache`; a reader then only keeps the pairs with news in their window.
struct Matchmaker {
    let similarity: ProjectSimilarity
    let cache: MatchCache

    /// Pairs for `reader`, strongest first. Only pairs where one side has news in the window are
    /// kept, so the same introduction is not repeated issue after issue. `scope` names the set
    /// of `projects` (the digest's funds and the issue date), for the cache.
    func pairs(among projects: [Project], scope: String, for reader: Reader, news: [ProjectID: ProjectNews]) -> [MatchPair] {
        let live = { projects.filter { $0.status != .withdrawn }.compactMap(similarity.position) }
        var candidates: [MatchCandidate] = []
        var introducesBoth = false
        if let own = reader.organisation, reader.network == nil {
            if let anchored = cache.candidates("\(scope)|organisation:\(own.key)", make: { anchoredPairs(live(), organisation: own.key) }) {
                candidates = anchored
            } else {
                // A reader with no project of their own is shown proven work in their interests.
                let interests = reader.interests.map(\.rawValue).sorted().joined(separator: ",")
                candidates = cache.candidates("\(scope)|interests:\(interests)", make: {
                    live().filter { position in
                        let project = similarity.projects[position]
                        return project.evaluation.kind == .independent && project.themes.contains(where: reader.interests.contains)
                    }.map { MatchCandidate(anchor: nil, match: $0, score: 0) }
                }) ?? []
            }
        } else if let network = reader.network {
            introducesBoth = true
            candidates = cache.candidates("\(scope)|network:\(network.id)", make: { networkPairs(live(), network: network) }) ?? []
        }
        return candidates.compactMap { candidate in
            let match = similarity.projects[candidate.match]
            let anchor = candidate.anchor.map { similarity.projects[$0] }
            guard news[match.id] != nil || anchor.map({ news[$0.id] != nil }) ?? false else { return nil }
            return MatchPair(anchor: anchor, match: match, score: candidate.score, introducesBoth: introducesBoth)
        }
    }

    /// Each other organisation's project paired with the organisation's most similar one;
    /// nil when the organisation has no project.
    private func anchoredPairs(_ live: [Int], organisation: String) -> [MatchCandidate]? {
        let anchors = live.filter { similarity.projects[$0].organisation.key == organisation }
        guard !anchors.isEmpty else { return nil }
        var pairs: [MatchCandidate] = []
        for match in live where similarity.projects[match].organisation.key != organisation {
            let best = anchors.map { ($0, similarity.score($0, match)) }
                .max { ($0.1, similarity.projects[$1.0].id) < ($1.1, similarity.projects[$0.0].id) }
            if let (anchor, score) = best, score >= ProjectSimilarity.threshold {
                pairs.append(MatchCandidate(anchor: anchor, match: match, score: score))
            }
        }
        return sorted(pairs)
    }

    /// Every pair of projects in the network's scope from different organisations.
    private func networkPairs(_ live: [Int], network: Audience) -> [MatchCandidate] {
        let scope = live.filter { position in
            let project = similarity.projects[position]
            return (network.sectors.isEmpty && network.themes.isEmpty) || network.sectors.contains(project.organisation.sector)
                || project.themes.contains(where: network.themes.contains)
        }
        var pairs: [MatchCandidate] = []
        for (index, first) in scope.enumerated() {
            let firstProject = similarity.projects[first]
            for second in scope[(index + 1)...] where similarity.projects[second].organisation.key != firstProject.organisation.key {
                let score = similarity.score(first, second)
                guard score >= ProjectSimilarity.threshold else { continue }
                let (anchor, match) = firstProject.id < similarity.projects[second].id ? (first, second) : (second, first)
                pairs.append(MatchCandidate(anchor: anchor, match: match, score: score))
            }
        }
        return sorted(pairs)
    }

    /// Strongest first; ties by the match's id, then the anchor's.
    private func sorted(_ pairs: [MatchCandidate]) -> [MatchCandidate] {
        let id = { (position: Int) in similarity.projects[position].id }
        return pairs.sorted {
            ($0.score, id($1.match), id($1.anchor ?? $1.match)) > ($1.score, id($0.match), id($0.anchor ?? $0.match))
        }
    }
}

/// A pair by the projects' positions, before a reader's news is known.
struct MatchCandidate: Sendable {
    let anchor: Int?
    let match: Int
    let score: Double
}

/// Pairs already worked out, by scope and organisation, interests or network. Shared by the
/// threads that assemble readers' issues.
final class MatchCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [MatchCandidate]?] = [:]

    func candidates(_ key: String, make: () -> [MatchCandidate]?) -> [MatchCandidate]? {
        if let known = lock.withLock({ entries[key] }) { return known }
        let made = make()
        lock.withLock { entries[key] = made }
        return made
    }
}
