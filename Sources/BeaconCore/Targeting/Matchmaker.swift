import Foundation

/// Two projects worth a conversation: `match` is the one to call about; `anchor` is the
/// reader's own project or, for a network, the other organisation doing similar work.
struct MatchPair {
    let anchor: Project?
    let match: Project
    /// Where `match` is among the similarity's projects.
    let matchPosition: Int
    let score: Double
    let introducesBoth: Bool

    /// What the reader is told about the pairing, and how much it adds to the match's rank.
    var reason: Reason? {
        guard let anchor else { return nil }
        return introducesBoth ? .similarElsewhere(organisation: anchor.organisation.name) : .similarToYours(title: anchor.title)
    }

    var weight: Int { Self.weight(score) }

    static func weight(_ score: Double) -> Int { 10 + Int(score * 30) }

    /// The later approval of the two: when the pairing became possible.
    var date: CivilDate { max(match.approvedOn, anchor?.approvedOn ?? match.approvedOn) }
}

/// The pairs one kind of reader's issue draws on: those with news in the window.
struct ReaderMatches: Sendable {
    /// By position in the issue's projects with news: the project's strongest pair with one
    /// of the reader's own projects, for the reason its highlight gives. Plain numbers, since
    /// every highlight of every kind of reader looks here.
    private let strongestAnchors: [Int32]
    private let strongestWeights: [UInt8]
    /// The pairs the similar-projects section may show, strongest first: a subscriber's match
    /// with news of its own already stands in the highlights, and each project appears in at
    /// most `DigestAssembler.matchesPerProject` pairs, so one cluster cannot fill the page.
    let listed: [MatchPair]

    init(strongestAnchors: [Int32], strongestWeights: [UInt8], listed: [MatchPair]) {
        self.strongestAnchors = strongestAnchors
        self.strongestWeights = strongestWeights
        self.listed = listed
    }

    static let none = ReaderMatches(strongestAnchors: [], strongestWeights: [], listed: [])

    /// What the strongest pair adds to the rank of the project with news at `index`.
    func strongestWeight(_ index: Int) -> Int {
        strongestWeights.isEmpty ? 0 : Int(strongestWeights[index])
    }

    /// The project with news at `index`'s strongest pair, if it has one with an anchor.
    func strongest(_ index: Int, in context: IssueContext, similarity: ProjectSimilarity) -> MatchPair? {
        guard !strongestAnchors.isEmpty, strongestAnchors[index] >= 0 else { return nil }
        let anchor = Int(strongestAnchors[index])
        let match = context.newsPositions[index]
        let score = similarity.score(anchor, match)
        return MatchPair(anchor: similarity.projects[anchor], match: similarity.projects[match], matchPosition: match, score: score,
                         introducesBoth: false)
    }
}

/// Finds similar projects in other organisations: the report's "similar projects proposed by
/// organisations that are not talking to each other".
///
/// Which pairs an organisation, a set of interests or a network has depends only on the
/// projects, not on the reader, so each is worked out once per set of projects and kept in
/// `anchored` (every organisation's at once) or `proven`, and those with news once per window
/// in `withNews`.
struct Matchmaker {
    let similarity: ProjectSimilarity
    let organisations: OrganisationNumbers
    /// Proven work by set of interests, for readers whose organisation has no project.
    let proven: SharedCache<ProvenWorkKey, [MatchCandidate]>
    /// Every organisation's anchored pairs, by organisation number (nil for one with no live
    /// project), per set of projects.
    let anchored: SharedCache<ProjectScope, [[MatchCandidate]?]>
    let withNews: SharedCache<ReaderMatchesKey, ReaderMatches>
    /// How many of a network's pairs are sorted at once: 4 MB.
    var bandSize = 1 << 18

    /// Pairs for `reader` where one side has news in the window, so the same introduction is
    /// not repeated issue after issue.
    func matches(in context: IssueContext, window: DateWindow, for reader: Reader) -> ReaderMatches {
        guard let (pairing, candidates, introducesBoth) = candidates(in: context, window: window, for: reader) else { return .none }
        return withNews.value(ReaderMatchesKey(scope: context.scope, start: window.start, pairing: pairing)) {
            let candidates = candidates()
            var newsIndex = [Int32](repeating: -1, count: similarity.projects.count)
            for (index, position) in context.newsPositions.enumerated() { newsIndex[position] = Int32(index) }
            let hasNews = { (position: Int) in newsIndex[position] >= 0 }
            // Pairs are made one at a time and kept only if they serve: the page shows a handful.
            var strongestAnchors = introducesBoth ? [] : [Int32](repeating: -1, count: context.newsPositions.count)
            var strongestWeights = introducesBoth ? [] : [UInt8](repeating: 0, count: context.newsPositions.count)
            var appearances: [Int: Int] = [:]
            var listed: [MatchPair] = []
            for candidate in candidates where hasNews(candidate.match) || candidate.anchor.map(hasNews) ?? false {
                let pair = { MatchPair(
                    anchor: candidate.anchor.map { similarity.projects[$0] }, match: similarity.projects[candidate.match],
                    matchPosition: candidate.match, score: candidate.score, introducesBoth: introducesBoth) }
                // Strongest first, so a project's first anchored pair is its strongest.
                if !introducesBoth, hasNews(candidate.match), let anchor = candidate.anchor,
                   case let index = Int(newsIndex[candidate.match]), strongestAnchors[index] < 0 {
                    strongestAnchors[index] = Int32(anchor)
                    strongestWeights[index] = UInt8(MatchPair.weight(candidate.score))
                }
                guard introducesBoth || !hasNews(candidate.match) else { continue }
                let involved = [candidate.match] + (introducesBoth ? [candidate.anchor].compactMap { $0 } : [])
                guard involved.allSatisfy({ appearances[$0, default: 0] < DigestAssembler.matchesPerProject }) else { continue }
                involved.forEach { appearances[$0, default: 0] += 1 }
                listed.append(pair())
            }
            return ReaderMatches(strongestAnchors: strongestAnchors, strongestWeights: strongestWeights, listed: listed)
        }
    }

    /// The candidate pairs for `reader`, strongest first, named for the cache and worked out
    /// when asked; nil for a reader who is shown no pairs (a shared edition).
    private func candidates(
        in context: IssueContext, window: DateWindow, for reader: Reader
    ) -> (pairing: Pairing, candidates: () -> [MatchCandidate], introducesBoth: Bool)? {
        let scope = context.scope
        let live = { context.projects.filter { $0.status != .withdrawn }.compactMap(similarity.position) }
        if let own = reader.organisation, reader.network == nil {
            if let number = organisations.number(of: own),
               let anchored = anchored.value(scope, make: { anchoredPairs(live()) })[Int(number)] {
                return (.organisation(number), { anchored }, false)
            }
            // A reader with no project of their own is shown proven work in their interests.
            let interests = reader.interests.sorted()
            let work = proven.value(ProvenWorkKey(scope: scope, interests: interests)) {
                live().filter { position in
                    let project = similarity.projects[position]
                    return project.evaluation.kind == .independent && project.themes.contains(where: reader.interests.contains)
                }.map { MatchCandidate(anchor: nil, match: $0, score: 0) }
            }
            return (.interests(interests), { work }, false)
        }
        guard let network = reader.network else { return nil }
        // A network sees every pair in its scope, so only pairs with news in the window are
        // worked out at all: a national register has millions of pairs, most with nothing new.
        return (.network(network.id), {
            let hasNews = Set(context.newsPositions)
            return networkPairs(live(), network: network, hasNews: hasNews.contains)
        }, true)
    }

    /// For every organisation with a live project, each other organisation's project paired
    /// with the organisation's most similar one: the highest score, then the anchor with the
    /// lowest id. All organisations at once, since a pair scored for one side serves the other
    /// too, and working them out one organisation at a time kept one thread waiting on another.
    private func anchoredPairs(_ live: [Int]) -> [[MatchCandidate]?] {
        let organisation = live.map { Int(organisations.ofProject[$0]) }
        // By organisation, then by the match's position among the similarity's projects.
        let count = similarity.projects.count
        var bestAnchor = [Int32](repeating: -1, count: organisations.count * count)
        var bestScore = [Double](repeating: 0, count: organisations.count * count)
        func offer(_ organisation: Int, anchor: Int, match: Int, score: Double) {
            let slot = organisation * count + match
            let current = Int(bestAnchor[slot])
            if current < 0 || score > bestScore[slot] || (score == bestScore[slot] && similarity.idRanks[anchor] < similarity.idRanks[current]) {
                bestAnchor[slot] = Int32(anchor)
                bestScore[slot] = score
            }
        }
        var shared: [UInt16] = []
        for index in live.indices {
            let first = live[index]
            similarity.sharedWords(with: first, into: &shared)
            for other in (index + 1)..<live.count where organisation[other] != organisation[index] {
                let second = live[other]
                // Pairs below the threshold are never the best that is kept.
                let score = similarity.score(first, second, sharedWords: Int(shared[second]))
                guard score >= ProjectSimilarity.threshold else { continue }
                offer(organisation[index], anchor: first, match: second, score: score)
                offer(organisation[other], anchor: second, match: first, score: score)
            }
        }
        let withLiveProjects = Set(organisation)
        return (0..<organisations.count).map { number in
            guard withLiveProjects.contains(number) else { return nil }
            var pairs = live.indices.compactMap { index -> MatchCandidate? in
                let slot = number * count + live[index]
                guard organisation[index] != number, bestAnchor[slot] >= 0 else { return nil }
                return MatchCandidate(anchor: Int(bestAnchor[slot]), match: live[index], score: bestScore[slot])
            }
            sort(&pairs)
            return pairs
        }
    }

    /// The pairs a network's page may list: of every pair of projects in its scope from
    /// different organisations, one of them with news, strongest first, each project in at
    /// most `DigestAssembler.matchesPerProject` of them.
    ///
    /// A national register gives a network millions of such pairs, and holding them all to sort
    /// took 100 MB. They are taken in bands of scores instead, strongest band first: a band is
    /// sorted and taken as the whole list would be, and a later band need only hold pairs whose
    /// projects both still have room, which soon are few. Every network reader waits for these
    /// pairs, so they are worked out on every processor.
    private func networkPairs(_ live: [Int], network: Audience, hasNews: (Int) -> Bool) -> [MatchCandidate] {
        let scope = live.filter { position in
            let project = similarity.projects[position]
            return (network.sectors.isEmpty && network.themes.isEmpty) || network.sectors.contains(project.organisation.sector)
                || project.themes.contains(where: network.themes.contains)
        }
        let news = scope.map(hasNews)
        let organisation = scope.map { organisations.ofProject[$0] }
        var appearances = [Int](repeating: 0, count: similarity.projects.count)
        let hasRoom = { (position: Int) in appearances[position] < DigestAssembler.matchesPerProject }
        /// Every pair still possible (both projects with room, by `appearances` so far) scoring at
        /// least the threshold, from the projects with news that are `part`'s share of the work.
        func forEachPair(part: Int, _ appearances: [Int], _ body: (MatchCandidate) -> Void) {
            var shared: [UInt16] = []
            let hasRoom = { (position: Int) in appearances[position] < DigestAssembler.matchesPerProject }
            // From each project with news to every other; two with news are paired once.
            for index in stride(from: part, to: scope.count, by: SharedWork.parts) where news[index] && hasRoom(scope[index]) {
                let first = scope[index]
                similarity.sharedWords(with: first, into: &shared)
                for other in scope.indices where organisation[other] != organisation[index] && (!news[other] || other > index) {
                    let second = scope[other]
                    guard hasRoom(second) else { continue }
                    let score = similarity.score(first, second, sharedWords: Int(shared[second]))
                    guard score >= ProjectSimilarity.threshold else { continue }
                    let (anchor, match) = similarity.idRanks[first] < similarity.idRanks[second] ? (first, second) : (second, first)
                    body(MatchCandidate(anchor: anchor, match: match, score: score))
                }
            }
        }
        let buckets = 1_024
        let bucket = { (score: Double) in Swift.min(Int((score - ProjectSimilarity.threshold) / (1 - ProjectSimilarity.threshold) * Double(buckets)), buckets - 1) }
        var listed: [MatchCandidate] = []
        var upper = buckets
        while upper > 0 {
            let sofar = appearances
            let partCounts = SharedWork.split { part in
                var counts = [Int](repeating: 0, count: buckets)
                forEachPair(part: part, sofar) { pair in
                    let index = bucket(pair.score)
                    if index < upper { counts[index] += 1 }
                }
                return counts
            }
            let counts = (0..<buckets).map { index in partCounts.reduce(0) { $0 + $1[index] } }
            // The band: whole buckets below the last band, as many as fit in `bandSize` pairs.
            var lower = upper - 1
            var size = counts[lower]
            while lower > 0, size + counts[lower - 1] <= bandSize {
                lower -= 1
                size += counts[lower]
            }
            guard counts[..<upper].contains(where: { $0 > 0 }) else { break }
            // Each part writes its pairs of the band after the parts before it, as counted.
            let starts = partCounts.reduce(into: [0]) { starts, counts in starts.append(starts.last! + counts[lower..<upper].reduce(0, +)) }
            var band = [MatchCandidate](unsafeUninitializedCapacity: size) { buffer, initialised in
                guard let base = buffer.baseAddress else { return }
                _ = SharedWork.split { part in
                    var position = starts[part]
                    forEachPair(part: part, sofar) { pair in
                        guard (lower..<upper).contains(bucket(pair.score)) else { return }
                        (base + position).initialize(to: pair)
                        position += 1
                    }
                }
                initialised = size
            }
            sort(&band)
            for pair in band where hasRoom(pair.match) && hasRoom(pair.anchor!) {
                appearances[pair.match] += 1
                appearances[pair.anchor!] += 1
                listed.append(pair)
            }
            upper = lower
        }
        return listed
    }

    /// Strongest first; ties by the match's id, then the anchor's.
    private func sort(_ pairs: inout [MatchCandidate]) {
        let rank = similarity.idRanks
        pairs.sort {
            ($0.score, rank[$1.match], rank[$1.anchor ?? $1.match]) > ($1.score, rank[$0.match], rank[$0.anchor ?? $0.match])
        }
    }
}

/// A pair by the projects' positions, before a reader's news is known. Sixteen bytes: a
/// network's scope can give millions of them.
struct MatchCandidate: Sendable {
    private let anchorPosition: Int32
    private let matchPosition: Int32
    let score: Double

    init(anchor: Int?, match: Int, score: Double) {
        anchorPosition = anchor.map(Int32.init) ?? -1
        matchPosition = Int32(match)
        self.score = score
    }

    var anchor: Int? { anchorPosition < 0 ? nil : Int(anchorPosition) }
    var match: Int { Int(matchPosition) }
}
