/// An item that may make the page, before it is built: enough to rank it.
struct Candidate {
    enum Source {
        /// By position in the projects with news.
        case highlight(Int)
        /// By position in the reader's listed pairs.
        case match(Int)
        /// Notices and actions are few, so they are built straight away: by position in the
        /// reader's built items. Positions keep a candidate free of references, so moving
        /// thousands of them costs no reference counting.
        case built(Int)
    }

    let score: Int
    /// The item's date as a day number, which orders as the date does and is a third of its size.
    let day: Int32
    let source: Source

    init(score: Int, day: Int32, source: Source) {
        self.score = score
        self.day = day
        self.source = source
    }

    init(built items: [RankedItem], at index: Int) {
        self.init(score: items[index].score, day: Int32(items[index].date.dayNumber), source: .built(index))
    }
}

/// Candidates in rank order: highest score, then latest, then by key. A large register gives
/// each reader thousands of candidates and a page shows a handful, so only the strongest are
/// sorted first; the rest are sorted only if the page's word budget passes over all of those.
struct Ranking: Sequence {
    let candidates: [Candidate]
    /// How many the page takes: the strongest are sorted in a group several times as large.
    let wanted: Int
    /// Built only to break ties, which are rare.
    let key: (Candidate) -> String

    init(_ candidates: [Candidate], wanted: Int, key: @escaping (Candidate) -> String) {
        self.candidates = candidates
        self.wanted = wanted
        self.key = key
    }

    func makeIterator() -> Iterator {
        Iterator(ranking: self)
    }

    struct Iterator: IteratorProtocol {
        let ranking: Ranking
        private var ordered: [Candidate]
        private var position = 0
        private var complete: Bool

        init(ranking: Ranking) {
            self.ranking = ranking
            let strongest = Ranking.strongest(ranking.candidates, count: ranking.wanted * 4)
            ordered = Ranking.ordered(strongest, key: ranking.key)
            complete = strongest.count == ranking.candidates.count
        }

        mutating func next() -> Candidate? {
            if position == ordered.count, !complete {
                // The strongest are a prefix of the whole order, so the rest continue from here.
                ordered = Ranking.ordered(ranking.candidates, key: ranking.key)
                complete = true
            }
            guard position < ordered.count else { return nil }
            defer { position += 1 }
            return ordered[position]
        }
    }

    static func ordered(_ candidates: [Candidate], key: (Candidate) -> String) -> [Candidate] {
        candidates.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.day != b.day { return a.day > b.day }
            return key(a) < key(b)
        }
    }

    /// At least `count` candidates (all tied with the last of them too) with the highest scores.
    private static func strongest(_ candidates: [Candidate], count: Int) -> [Candidate] {
        guard candidates.count > count, let top = candidates.map(\.score).max() else { return candidates }
        var tally = [Int](repeating: 0, count: top + 1)
        for candidate in candidates { tally[Swift.max(candidate.score, 0)] += 1 }
        var threshold = top
        var taken = tally[top]
        while taken < count, threshold > 0 {
            threshold -= 1
            taken += tally[threshold]
        }
        return candidates.filter { $0.score >= threshold }
    }
}
