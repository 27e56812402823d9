import Foundation

/// How alike two projects are: shared themes plus shared words in their titles and summaries.
/// Deliberately simple and explainable — a fund officer can see why two projects were paired.
/// Themes are weighted by rarity, so sharing `patient-records` says more than sharing `digital`.
struct ProjectSimilarity {
    /// Pairs scoring below this are not worth a phone call. On the example register, pairs that
    /// share only broad themes (digital, workforce) and no words fall below it.
    static let threshold = 0.34

    private let words: [ProjectID: Set<String>]
    private let themeWeights: [ThemeID: Double]

    init(projects: [Project]) {
        words = Dictionary(projects.map { ($0.id, Self.words(in: $0)) }, uniquingKeysWith: { first, _ in first })
        var counts: [ThemeID: Int] = [:]
        for project in projects { for theme in Set(project.themes) { counts[theme, default: 0] += 1 } }
        themeWeights = counts.mapValues { log(1 + Double(projects.count) / Double($0)) }
    }

    /// 0 (nothing in common) to 1 (same themes and same words).
    func score(_ a: Project, _ b: Project) -> Double {
        let themesA = Set(a.themes), themesB = Set(b.themes)
        let weight = { (themes: Set<ThemeID>) in themes.sorted().reduce(0.0) { $0 + (self.themeWeights[$1] ?? 0) } }
        let themeUnion = weight(themesA.union(themesB))
        let themeScore = themeUnion == 0 ? 0 : weight(themesA.intersection(themesB)) / themeUnion
        let wordsA = words[a.id] ?? [], wordsB = words[b.id] ?? []
        let textScore = wordsA.isEmpty || wordsB.isEmpty
            ? 0 : Double(wordsA.intersection(wordsB).count) / (Double(wordsA.count) * Double(wordsB.count)).squareRoot()
        return 0.6 * themeScore + 0.4 * textScore
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
