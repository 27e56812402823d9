extension Array where Element: Identifiable {
    /// Adds `item` to a newest-first history such as a feed's: an item with the same id is
    /// replaced where it stands (the same issue published again), otherwise it goes first;
    /// only the newest `limit` are kept. Items already published are never changed.
    public mutating func publish(_ item: Element, keeping limit: Int) {
        if let index = firstIndex(where: { $0.id == item.id }) {
            self[index] = item
        } else {
            insert(item, at: 0)
        }
        self = Array(prefix(limit))
    }
}
