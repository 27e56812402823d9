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
}

/// Only the sum.
struct RelevanceScore: RelevanceSink {
    var score = 0

    mutating func add(_ weight: Int, _ reason: @autoclosure () -> Reason) {
        score += weight
    }
}
