/// One record — a CSV row or a YAML mapping — seen as named fields, so every kind of record
/// is validated by the same rules whichever file format the operator chose.
protocol FieldSource {
    /// Where the record starts, for problems with the record as a whole.
    var recordLocation: SourceLocation { get }
    func location(of field: String) -> SourceLocation
    /// Whether the field exists at all (a column in the header, a key in the mapping).
    func has(_ field: String) -> Bool
    /// The field's text, untrimmed; nil when absent.
    func text(_ field: String) -> String?
    /// The field's items: a YAML sequence, or text separated by `;`.
    func list(_ field: String) -> [String]?
    /// How this format names the English and Welsh versions of a text field.
    func localizedNames(_ base: String) -> (english: String, welsh: String)
}

extension FieldSource {
    /// Splits `a; b;c` into trimmed, non-empty items.
    static func splitList(_ text: String) -> [String] {
        // In ASCII a byte is a character, so the list is split on bytes; elsewhere a ";" with a
        // combining mark after it is one character, not a separator.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: ";").map { $0.trimmedOfWhitespaceAndNewlines }.filter { !$0.isEmpty }
        }
        return text.utf8.split(separator: UInt8(ascii: ";")).map { String(decoding: $0, as: UTF8.self).trimmedOfWhitespaceAndNewlines }.filter { !$0.isEmpty }
    }
}

/// A row of a CSV table, with its header.
struct CSVRowSource: FieldSource {
    let file: String
    let row: Int
    let columns: [String: Int]
    let fields: [String]

    var recordLocation: SourceLocation { SourceLocation(file: file, line: row) }
    func location(of field: String) -> SourceLocation { SourceLocation(file: file, line: row, field: field) }
    func has(_ field: String) -> Bool { columns[field] != nil }

    func text(_ field: String) -> String? {
        guard let index = columns[field], index < fields.count else { return nil }
        return fields[index]
    }

    func list(_ field: String) -> [String]? { text(field).map(Self.splitList) }
    func localizedNames(_ base: String) -> (english: String, welsh: String) { (base + "_en", base + "_cy") }
}
