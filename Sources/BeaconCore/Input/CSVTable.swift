import Foundation

/// A register CSV file checked against the columns its record type declares.
enum CSVTable {
    struct Columns {
        let required: [String]
        let optional: [String]
        var all: [String] { required + optional }
    }

    /// Reads `url` and hands `body` each row that can be trusted, as it is parsed: a register
    /// of 100,000 subscribers is never held as text and records at once. Reports an unreadable
    /// file, bad encoding, malformed quoting, missing or unknown columns and rows of the wrong
    /// width; when the file or its header cannot be trusted, no row is handed over.
    static func forEachRow(
        url: URL, displayName: String, columns: Columns, diagnostics: Diagnostics, _ body: (CSVRowSource) -> Void
    ) {
        let fileLocation = SourceLocation(file: displayName)
        guard let data = ConfigFile.contents(of: url, displayName: displayName, limit: .register, diagnostics: diagnostics) else { return }
        let invalid = data.withUnsafeBytes { bytes in
            UTF8Validation.firstInvalidByte(in: bytes).map { (offset: $0, byte: bytes[$0], row: CSVReader.row(ofByte: $0, in: bytes)) }
        }
        if let invalid {
            diagnostics.report(.notUTF8(byte: invalid.byte, offset: invalid.offset), at: SourceLocation(file: displayName, line: invalid.row))
            return
        }
        var header: CSVReader.Record?
        var index: [String: Int] = [:]
        do {
            try CSVReader.forEachRecord(in: data) { record in
                guard let header else {
                    header = record
                    guard let columns = Self.columns(of: record, expected: columns, in: displayName, diagnostics: diagnostics) else { return false }
                    index = columns
                    return true
                }
                if record.fields.allSatisfy({ $0.trimmedOfWhitespace.isEmpty }) { return true }
                guard record.fields.count == header.fields.count else {
                    diagnostics.report(
                        .wrongFieldCount(found: record.fields.count, expected: header.fields.count),
                        at: SourceLocation(file: displayName, line: record.row))
                    return true
                }
                body(CSVRowSource(file: displayName, row: record.row, columns: index, fields: record.fields))
                return true
            }
        } catch {
            diagnostics.report(.malformedCSV(error.detail), at: SourceLocation(file: displayName, line: error.row))
            return
        }
        if header == nil {
            diagnostics.report(.malformedCSV("the file is empty; it needs a header row"), at: fileLocation)
        }
    }

    /// Each known column's position, or nil when the header cannot be trusted.
    private static func columns(
        of header: CSVReader.Record, expected columns: Columns, in displayName: String, diagnostics: Diagnostics
    ) -> [String: Int]? {
        var index: [String: Int] = [:]
        var headerOK = true
        for (position, rawName) in header.fields.enumerated() {
            let name = rawName.trimmedOfWhitespace.lowercased()
            let location = SourceLocation(file: displayName, line: header.row, field: name.isEmpty ? "column \(position + 1)" : name)
            if !columns.all.contains(name) {
                diagnostics.report(.unknownColumn(known: columns.all), at: location)
                headerOK = false
            } else if index[name] != nil {
                diagnostics.report(.inconsistent("this column appears twice in the header row"), at: location)
                headerOK = false
            } else {
                index[name] = position
            }
        }
        for name in columns.required where index[name] == nil {
            diagnostics.report(.missingColumn, at: SourceLocation(file: displayName, line: header.row, field: name))
            headerOK = false
        }
        return headerOK ? index : nil
    }
}
