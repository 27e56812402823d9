/// How much a project matters to a reader, and why. Integer weights keep ranking exact and
/// repeatable; the reasons are the same facts, shown to the reader.
struct Relevance {
    var score = 0
    var reasons: [(weight: Int, reason: Reason)] = []

    mutating func add(_ weight: Int, _ reason: Reason) {
        score += weight
        reasons.append((weight, reason))
    }

    /// The strongest reasons first; ties keep the order they were added in.
    var ranked: [Reason] {
        reasons.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element.reason)
    }

    static func of(_ project: Project, for reader: Reader) -> Relevance {
        var relevance = Relevance()
        let shared = project.themes.filter { reader.interests.contains($0) }
        if let own = reader.organisation {
            if own.key == project.organisation.key {
                relevance.add(50, .yourOrganisation)
            } else {
                if own.sector == project.organisation.sector {
                    relevance.add(20, .sameSector(own.sector))
                    if let size = own.size, size == project.organisation.size {
                        relevance.add(5, .similarOrganisation)
                    }
                } else if !shared.isEmpty {
                    relevance.add(15, .crossSector(project.organisation.sector))
                }
                if own.region == project.organisation.region, own.region != .allWales {
                    relevance.add(10, .sameRegion(own.region))
                }
            }
        }
        if reader.organisation == nil, let sector = reader.sector, sector == project.organisation.sector {
            relevance.add(20, .sameSector(sector))
        }
        if let network = reader.network {
            if network.sectors.contains(project.organisation.sector) {
                relevance.add(20, .networkSector(project.organisation.sector))
            }
            if reader.organisation == nil, !shared.isEmpty {
                relevance.add(8 * min(shared.count, 3), .networkTheme(shared))
            }
        }
        if reader.organisation != nil, !shared.isEmpty {
            relevance.add(8 * min(shared.count, 3), .sharedInterest(shared))
        }
        switch project.evaluation.kind {
        case .independent: relevance.add(15, .independentlyEvaluated)
        case .internal: relevance.add(5, .internallyEvaluated)
        case .none: break
        }
        if let achieved = project.achievedSavings, achieved > .zero {
            relevance.add(10, .savingsAchieved(achieved))
        }
        return relevance
    }
}
