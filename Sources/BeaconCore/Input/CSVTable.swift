import Foundation

/// A register CSV file checked against the columns its record type declares.
struct CSVTable {
    struct Columns {
        let required: [String]
        let optional: [String]
        var all: [String] { required + optional }
    }

    let rows: [CSVRowSource]

    /// Reads `url`, reporting an unreadable file, bad encoding, malformed quoting, missing or
    /// unknown columns and rows of the wrong width. Returns nil when no row can be trusted.
    init?(url: URL, displayName: String, columns: Columns, diagnostics: Diagnostics) {
        let fileLocation = SourceLocation(file: displayName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.report(.unreadableFile(reason: Self.reason(for: error)), at: fileLocation)
            return nil
        }
        guard String(data: data, encoding: .utf8) != nil else {
            diagnostics.report(.notUTF8, at: fileLocation)
            return nil
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(from: data)
        } catch {
            diagnostics.report(.malformedCSV(error.detail), at: SourceLocation(file: displayName, line: error.row))
            return nil
        }
        guard let header = records.first else {
            diagnostics.report(.malformedCSV("the file is empty; it needs a header row"), at: fileLocation)
            return nil
        }
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
        guard headerOK else { return nil }

        var rows: [CSVRowSource] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmedOfWhitespace.isEmpty }) { continue }
            guard record.fields.count == header.fields.count else {
                diagnostics.report(
                    .wrongFieldCount(found: record.fields.count, expected: header.fields.count),
                    at: SourceLocation(file: displayName, line: record.row))
                continue
            }
            rows.append(CSVRowSource(file: displayName, row: record.row, columns: index, fields: record.fields))
        }
        self.rows = rows
    }

    static func reason(for error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return nsError.localizedDescription
    }
}
