/// Checks each id's spelling and remembers where it was first seen, by the file name it
/// would give (`SafeName`), so a repeat, or an id that differs only in case or punctuation,
/// can point back to it. One dictionary lookup per id, and a few bytes kept for each: a
/// register of 100,000 subscribers is checked in one pass.
struct UniqueIDs<Kind> {
    private struct FirstUse {
        let id: Identifier<Kind>
        let file: Int32
        let line: Int32
    }

    private var bySafeName: [String: FirstUse] = [:]
    /// The files ids came from, so each use keeps a number rather than the name.
    private var files: [String] = []

    /// The id in `field`, or nil (with a report) when it is empty, misspelt, used before or
    /// would share a file name with one used before.
    mutating func claim(_ field: String, in reader: RecordReader) -> Identifier<Kind>? {
        guard let text = reader.string(field) else { return nil }
        if let problem = IDSpelling.problem(with: text) {
            reader.report(.badID(text, problem), field)
            return nil
        }
        let id = Identifier<Kind>(text)
        let safeName = SafeName.of(id)
        if let first = bySafeName[safeName] {
            let location = SourceLocation(file: files[Int(first.file)], line: Int(first.line))
            reader.report(first.id == id ? .duplicateID(text, first: location) : .idClash(text, other: first.id.rawValue, first: location), field)
            return nil
        }
        let location = reader.source.location(of: field)
        if files.last != location.file { files.append(location.file) }
        bySafeName[safeName] = FirstUse(id: id, file: Int32(files.count - 1), line: Int32(clamping: location.line ?? 0))
        return id
    }

    var ids: Set<Identifier<Kind>> { Set(bySafeName.values.lazy.map(\.id)) }
}
