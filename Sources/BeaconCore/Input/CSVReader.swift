public import Foundation

/// Reads CSV as spreadsheets export it (RFC 4180): quoted fields may hold commas, doubled
/// quotes and line breaks; a UTF-8 byte-order mark is skipped. Strict where spreadsheets are
/// strict, so a hand-edited file with a stray quote is reported rather than silently misread.
public struct CSVReader {
    public struct Record: Sendable {
        /// The row as a spreadsheet numbers it: the header is row 1, and a quoted line break
        /// does not start a new row.
        public let row: Int
        public let fields: [String]
    }

    public struct Malformed: Error, Sendable {
        public let row: Int
        public let detail: String
    }

    /// Parses the whole file. Fully blank rows are skipped but still counted.
    public static func records(from data: Data) throws(Malformed) -> [Record] {
        var records: [Record] = []
        try parse(data, materialising: true) { record in
            records.append(record)
            return true
        }
        return records
    }

    /// Hands over each record as it is parsed, so a large file is never held as records all
    /// at once; the whole file is checked first, so nothing of a malformed file is handed over.
    /// `body` returns false to stop.
    public static func forEachRecord(in data: Data, _ body: (Record) -> Bool) throws(Malformed) {
        try parse(data, materialising: false) { _ in true }
        try parse(data, materialising: true, body)
    }

    /// The spreadsheet row holding byte `offset`, for messages: a line break inside quotes does
    /// not start a row. Only asked about a file that cannot be read, so the parser stays as it is.
    public static func row(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var row = 1
        var quoted = false
        var index = 0
        while index < offset {
            switch bytes[index] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: "\r") where !quoted:
                if index + 1 < offset, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                row += 1
            case UInt8(ascii: "\n") where !quoted: row += 1
            default: break
            }
            index += 1
        }
        return row
    }

    /// Not `materialising` records, only checks that the file is well formed.
    private static func parse(_ data: Data, materialising: Bool, _ body: (Record) -> Bool) throws(Malformed) {
        var failure: Malformed?
        data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            do throws(Malformed) {
                try parse(UnsafeBufferPointer(rebasing: bytes), materialising: materialising, body)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, materialising: Bool, _ body: (Record) -> Bool) throws(Malformed) {
        var fields: [String] = []
        var field: [UInt8] = []
        var row = 1
        var recordRow = 1
        var index = 0
        var quoted = false
        var fieldWasQuoted = false
        var stopped = false

        func finishField() {
            if materialising { fields.append(String(decoding: field, as: UTF8.self)) }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func finishRecord() {
            finishField()
            if materialising, !(fields.count == 1 && fields[0].isEmpty) {
                stopped = !body(Record(row: recordRow, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count, !stopped {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: ","):
                    finishField()
                case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                        index += 1
                    }
                    finishRecord()
                    row += 1
                    recordRow = row
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw Malformed(row: recordRow, detail: "a quote (\") appears inside an unquoted field; put the whole field in quotes and double the quote")
                    }
                    quoted = true
                    fieldWasQuoted = true
                default:
                    if fieldWasQuoted {
                        throw Malformed(row: recordRow, detail: "text follows a closing quote; a quote inside a quoted field must be doubled (\"\")")
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if quoted {
            throw Malformed(row: recordRow, detail: "a quoted field starting on this row is never closed")
        }
        if !stopped, !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            finishRecord()
        }
    }
}
