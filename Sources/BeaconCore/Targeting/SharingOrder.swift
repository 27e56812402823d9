extension Reader {
    /// Positions of `readers` ordered so that readers who get the same issue, in the same
    /// language, come one after another (nil readers first): each issue is then assembled and
    /// rendered once and kept only while its readers are served, however many readers there are.
    public static func sharingOrder(_ readers: [Reader?]) -> [Int] {
        // Each reader's kind by number: 100,000 readers are a few thousand kinds, and sorting
        // numbers costs far less than sorting the kinds themselves.
        var kinds = Numbering<SharingKind>()
        let kindOfReader = readers.map { reader in reader.map { kinds(SharingKind(profile: SelectionProfile($0), language: $0.language)) } }
        var rank = [Int](repeating: 0, count: kinds.count)
        for (position, kind) in kinds.numbers.sorted(by: { $0.key < $1.key }).map(\.value).enumerated() { rank[kind] = position }
        let ranked = kindOfReader.map { $0.map { rank[$0] } ?? -1 }
        return readers.indices.sorted { (ranked[$0], $0) < (ranked[$1], $1) }
    }

    /// Readers of one kind share an issue and, in one language, its renderings.
    private struct SharingKind: Hashable, Comparable {
        let profile: SelectionProfile
        let language: LanguagePreference

        static func < (a: SharingKind, b: SharingKind) -> Bool {
            a.profile != b.profile ? a.profile < b.profile : a.language.rawValue < b.language.rawValue
        }
    }
}
