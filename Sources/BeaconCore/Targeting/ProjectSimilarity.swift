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
    /// Per project, `themeWords` words with bit `i` set when it has the `i`th theme in
    /// sorted order; one flat array, so reading a project's bits touches no other array.
    private let themeBits: [UInt64]
    private let themeWords: Int
    /// By theme in sorted order: rarer themes weigh more.
    private let themeWeights: [Double]
    /// Per project, its words as sorted word numbers.
    private let words: [[Int32]]
    /// Per word number, the positions of the projects that use it: counting one project's
    /// shared words with every other by these lists visits only projects that share one.
    private let postings: [[Int32]]
    /// Per project, where its id falls in id order: pairs are ordered by id on equal scores,
    /// and comparing numbers is cheaper than comparing ids.
    let idRanks: [Int]
    /// Per project, the number of each of its themes as listed (a repeat counts twice, as it
    /// does when the themes themselves are compared), for counting those a reader shares.
    private let themeLists: [[Int]]
    /// Per project, whether it lists a theme twice; those that do not are counted from `themeBits`.
    private let repeatsThemes: [Bool]
    private let themeNumbers: [ThemeID: Int]

    init(projects: [Project]) {
        self.projects = projects
        positions = Dictionary(projects.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let themes = Set(projects.flatMap(\.themes)).sorted()
        let themeNumbers = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        self.themeNumbers = themeNumbers
        themeLists = projects.map { $0.themes.map { themeNumbers[$0]! } }
        repeatsThemes = projects.map { Set($0.themes).count != $0.themes.count }
        var idRanks = [Int](repeating: 0, count: projects.count)
        for (rank, position) in projects.indices.sorted(by: { projects[$0].id < projects[$1].id }).enumerated() { idRanks[position] = rank }
        self.idRanks = idRanks
        var counts = [Int](repeating: 0, count: themes.count)
        let themeWords = (themes.count + 63) / 64
        self.themeWords = themeWords
        var themeBits = [UInt64](repeating: 0, count: projects.count * themeWords)
        for (position, project) in projects.enumerated() {
            for theme in Set(project.themes) {
                let number = themeNumbers[theme]!
                themeBits[position * themeWords + number / 64] |= 1 << UInt64(number % 64)
                counts[number] += 1
            }
        }
        self.themeBits = themeBits
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
        var postings = [[Int32]](repeating: [], count: wordNumbers.count)
        for (position, numbers) in words.enumerated() {
            for number in numbers { postings[Int(number)].append(Int32(position)) }
        }
        self.postings = postings
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
        // Every reader's issue counts this for thousands of projects: up to 64 themes, one word does.
        if themeWords == 1, !repeatsThemes[position] { return (themeBits[position] & mask[0]).nonzeroBitCount }
        return themeLists[position].reduce(0) { count, number in mask[number / 64] & (1 << UInt64(number % 64)) != 0 ? count + 1 : count }
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
        score(a, b, sharedWords: Self.sharedCount(words[a], words[b]))
    }

    /// The score of the projects at two positions that have `sharedWords` words in common.
    func score(_ a: Int, _ b: Int, sharedWords: Int) -> Double {
        let textScore = sharedWords == 0 ? 0 : Double(sharedWords) / (Double(words[a].count) * Double(words[b].count)).squareRoot()
        return 0.6 * themeScore(a, b) + 0.4 * textScore
    }

    /// Weighted shares of themes: 0 when none are shared, whatever the rest.
    private func themeScore(_ a: Int, _ b: Int) -> Double {
        let first = a * themeWords, second = b * themeWords
        guard (0..<themeWords).contains(where: { themeBits[first + $0] & themeBits[second + $0] != 0 }) else { return 0 }
        // Weights are added in sorted theme order, as a plain sum over the union would be.
        var union = 0.0, shared = 0.0
        for index in 0..<themeWords {
            let bitsA = themeBits[first + index], bitsB = themeBits[second + index]
            var either = bitsA | bitsB
            while either != 0 {
                union += themeWeights[index * 64 + either.trailingZeroBitCount]
                either &= either - 1
            }
            var both = bitsA & bitsB
            while both != 0 {
                shared += themeWeights[index * 64 + both.trailingZeroBitCount]
                both &= both - 1
            }
        }
        return shared / union
    }

    /// How many words the project at `position` shares with each project, by position.
    /// `counts` is overwritten, so one buffer serves thousands of calls.
    func sharedWords(with position: Int, into counts: inout [UInt16]) {
        if counts.count != projects.count { counts = [UInt16](repeating: 0, count: projects.count) }
        for index in counts.indices { counts[index] = 0 }
        for word in words[position] {
            for other in postings[Int(word)] { counts[Int(other)] &+= 1 }
        }
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
