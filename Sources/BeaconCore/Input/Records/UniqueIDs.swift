/// Remembers where each id was first seen so a repeat can point back to it.
struct UniqueIDs<Kind> {
    private(set) var firstSeen: [Identifier<Kind>: Int] = [:]

    /// The id in `field`, or nil (with a report) when it is empty or used before.
    mutating func claim(_ field: String, in reader: RecordReader) -> Identifier<Kind>? {
        guard let text = reader.string(field) else { return nil }
        let id = Identifier<Kind>(text)
        if let first = firstSeen[id] {
            reader.report(.duplicateID(text, firstRow: first), field)
            return nil
        }
        firstSeen[id] = reader.source.recordLocation.line ?? 0
        return id
    }

    var ids: Set<Identifier<Kind>> { Set(firstSeen.keys) }
}
