import Foundation

/// How alike two projects are: shared themes plus shared words in their titles and summaries.
/// Deliberately simple and explainable — a fund officer can see why two projects were paired.
/// Themes are weighted by rarity, so sharing `patient-records` says more than sharing `digital`.
///
/// Each project's themes are kept as bits and its words as sorted numbers, worked out once, so a
/// score costs a few operations: a network's matchmaking compares every pair of 10,000 projects.
struct ProjectSimilarity: Sendable {
    /// Pairs scoring below this are not worth a phone call. On the example register, pairs that
    /// share only broad themes (digital, workforce) and no words fall below it.
    static let threshold = 0.34

    let projects: [Project]
    private let positions: [ProjectID: Int]
    /// Per project, bit `i` set when it has the `i`th theme in sorted order.
    private let themeBits: [[UInt64]]
    /// By theme in sorted order: rarer themes weigh more.
    private let themeWeights: [Double]
    /// Per project, its words as sorted word numbers.
    private let words: [[Int32]]
    /// Per project, where its id falls in id order: pairs are ordered by id on equal scores,
    /// and comparing numbers is cheaper than comparing ids.
    let idRanks: [Int]
    /// Per project, the number of each of its themes as listed (a repeat counts twice, as it
    /// does when the themes themselves are compared), for counting those a reader shares.
    private let themeLists: [[Int]]
    private let themeNumbers: [ThemeID: Int]

    init(projects: [Project]) {
        self.projects = projects
        positions = Dictionary(projects.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let themes = Set(projects.flatMap(\.themes)).sorted()
        let themeNumbers = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        self.themeNumbers = themeNumbers
        themeLists = projects.map { $0.themes.map { themeNumbers[$0]! } }
        var idRanks = [Int](repeating: 0, count: projects.count)
        for (rank, position) in projects.indices.sorted(by: { projects[$0].id < projects[$1].id }).enumerated() { idRanks[position] = rank }
        self.idRanks = idRanks
        var counts = [Int](repeating: 0, count: themes.count)
        themeBits = projects.map { project in
            var bits = [UInt64](repeating: 0, count: (themes.count + 63) / 64)
            for theme in Set(project.themes) {
                let number = themeNumbers[theme]!
                bits[number / 64] |= 1 << UInt64(number % 64)
                counts[number] += 1
            }
            return bits
        }
        themeWeights = counts.map { log(1 + Double(projects.count) / Double($0)) }
        var wordNumbers: [String: Int32] = [:]
        words = projects.map { project in
            Self.words(in: project).map { word in
                if let number = wordNumbers[word] { return number }
                let number = Int32(wordNumbers.count)
                wordNumbers[word] = number
                return number
            }.sorted()
        }
    }

    /// A reader's interests as bits by theme number, for `sharedThemes`.
    func themeMask(_ interests: Set<ThemeID>) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: (themeNumbers.count + 63) / 64)
        for theme in interests {
            if let number = themeNumbers[theme] { mask[number / 64] |= 1 << UInt64(number % 64) }
        }
        return mask
    }

    /// How many of the themes of the project at `position` are in `mask`.
    func sharedThemes(_ position: Int, _ mask: [UInt64]) -> Int {
        themeLists[position].reduce(0) { count, number in mask[number / 64] & (1 << UInt64(number % 64)) != 0 ? count + 1 : count }
    }

    /// Where `project` is in `projects`, if it is one of them.
    func position(of project: Project) -> Int? { positions[project.id] }

    /// 0 (nothing in common) to 1 (same themes and same words).
    func score(_ a: Project, _ b: Project) -> Double {
        guard let first = position(of: a), let second = position(of: b) else { return 0 }
        return score(first, second)
    }

    /// The score of the projects at two positions.
    func score(_ a: Int, _ b: Int) -> Double {
        // Weights are added in sorted theme order, as a plain sum over the union would be.
        var union = 0.0, shared = 0.0
        for (index, (bitsA, bitsB)) in zip(themeBits[a], themeBits[b]).enumerated() {
            var either = bitsA | bitsB
            while either != 0 {
                let bit = either.trailingZeroBitCount
                let weight = themeWeights[index * 64 + bit]
                union += weight
                either &= either - 1
            }
            var both = bitsA & bitsB
            while both != 0 {
                shared += themeWeights[index * 64 + both.trailingZeroBitCount]
                both &= both - 1
            }
        }
        let themeScore = union == 0 ? 0 : shared / union
        let wordsA = words[a], wordsB = words[b]
        let textScore = wordsA.isEmpty || wordsB.isEmpty
            ? 0 : Double(Self.sharedCount(wordsA, wordsB)) / (Double(wordsA.count) * Double(wordsB.count)).squareRoot()
        return 0.6 * themeScore + 0.4 * textScore
    }

    /// How many numbers two sorted lists have in common.
    private static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }

    private static let stopWords: Set<String> = [
        "the", "and", "for", "with", "from", "into", "that", "this", "our", "their", "its", "are", "was",
        "will", "new", "use", "using", "project", "service", "services", "across", "more", "less", "per",
        "one", "two", "three",
    ]

    /// Lower-cased English words of three letters or more, crudely singularised.
    static func words(in project: Project) -> Set<String> {
        let text = project.title.english + " " + (project.summary?.english ?? "")
        var result = Set<String>()
        for raw in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where raw.count >= 3 {
            var word = String(raw)
            if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            if !stopWords.contains(word) { result.insert(word) }
        }
        return result
    }
}
