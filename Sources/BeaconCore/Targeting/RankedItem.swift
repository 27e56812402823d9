/// An item as ranking made it: its base for the kind of item and the weighed reasons the
/// rules gave, whose sum is its score.
struct RankedItem {
    let key: String
    let content: DigestItem.Content
    let date: CivilDate
    let base: Int
    let relevance: Relevance

    var score: Int { base + relevance.score }

    /// The item the reader sees, with its contact flagged when not confirmed since `staleLimit`.
    func item(staleLimit: CivilDate) -> DigestItem {
        let stale = content.contactProjects.first { $0.contact.confirmedOn < staleLimit }?.contact.confirmedOn
        return DigestItem(key: key, content: content, date: date, score: score, reasons: relevance.ranked, staleContactSince: stale)
    }
}
