extension Reader {
    /// Positions of `readers` ordered so that readers who get the same issue, in the same
    /// language, come one after another (nil readers first): each issue is then assembled and
    /// rendered once and kept only while its readers are served, however many readers there are.
    public static func sharingOrder(_ readers: [Reader?]) -> [Int] {
        // Each reader's kind by number, in the order of the kinds' names: 100,000 readers are a
        // few thousand kinds, and a name kept per reader cost megabytes.
        var kinds = Numbering<String>()
        let kindOfReader = readers.map { reader in kinds(reader.map { "\($0.selectionProfile)|\($0.language)" } ?? "") }
        var rank = [Int](repeating: 0, count: kinds.count)
        for (position, kind) in kinds.numbers.sorted(by: { $0.key < $1.key }).map(\.value).enumerated() { rank[kind] = position }
        return readers.indices.sorted { (rank[kindOfReader[$0]], $0) < (rank[kindOfReader[$1]], $1) }
    }
}
