/// Where the weights and reasons of a relevance go: all of them for an item on the page, or
/// only their sum for what every reader of an issue shares, when reasons would be built for nothing.
protocol RelevanceSink {
    mutating func add(_ weight: Int, _ reason: @autoclosure () -> Reason)
}

/// How much a project matters to a reader, and why. Integer weights keep ranking exact and
/// repeatable; the reasons are the same facts, shown to the reader.
struct Relevance: RelevanceSink {
    var score = 0
    var reasons: [(weight: Int, reason: Reason)] = []

    mutating func add(_ weight: Int, _ reason: @autoclosure () -> Reason) {
        score += weight
        reasons.append((weight, reason()))
    }

    /// The strongest reasons first; ties keep the order they were added in.
    var ranked: [Reason] {
        reasons.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element.reason)
    }

    static func of(_ project: Project, for reader: Reader) -> Relevance {
        var relevance = Relevance()
        relevance.add(project, for: reader)
        return relevance
    }
}

/// Only the sum.
struct RelevanceScore: RelevanceSink {
    var score = 0

    mutating func add(_ weight: Int, _ reason: @autoclosure () -> Reason) {
        score += weight
    }
}

extension Relevance {
    /// How `project` relates to `reader`'s organisation, sector, network and interests, and
    /// how well it is evidenced. `RankingFacts.score` gives the same sum from plain numbers.
    mutating func add(_ project: Project, for reader: Reader) {
        let shared = project.themes.filter { reader.interests.contains($0) }
        let sharedCount = shared.count
        if let own = reader.organisation {
            if own.key == project.organisation.key {
                add(50, .yourOrganisation)
            } else {
                if own.sector == project.organisation.sector {
                    add(20, .sameSector(own.sector))
                    if let size = own.size, size == project.organisation.size {
                        add(5, .similarOrganisation)
                    }
                } else if sharedCount > 0 {
                    add(15, .crossSector(project.organisation.sector))
                }
                if own.region == project.organisation.region, own.region != .allWales {
                    add(10, .sameRegion(own.region))
                }
            }
        }
        if reader.organisation == nil, let sector = reader.sector, sector == project.organisation.sector {
            add(20, .sameSector(sector))
        }
        if let network = reader.network {
            if network.sectors.contains(project.organisation.sector) {
                add(20, .networkSector(project.organisation.sector))
            }
            if reader.organisation == nil, sharedCount > 0 {
                add(8 * min(sharedCount, 3), .networkTheme(shared))
            }
        }
        if reader.organisation != nil, sharedCount > 0 {
            add(8 * min(sharedCount, 3), .sharedInterest(shared))
        }
        switch project.evaluation.kind {
        case .independent: add(15, .independentlyEvaluated)
        case .internal: add(5, .internallyEvaluated)
        case .none: break
        }
        if let achieved = project.achievedSavings, achieved > .zero {
            add(10, .savingsAchieved(achieved))
        }
    }
}
