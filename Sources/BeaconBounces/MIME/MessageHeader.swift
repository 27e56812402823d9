import Foundation

/// A block of header fields (a message's, a part's, or a group of delivery-status fields),
/// each unfolded onto one line, in order.
struct MessageHeader: Sendable {
    struct Field: Sendable {
        let name: String
        let value: String
    }

    /// More fields than this is not a report a server wrote; the rest are ignored.
    static let fieldLimit = 2000

    let fields: [Field]

    init(fields: [Field]) {
        self.fields = fields
    }

    /// Reads `bytes` as header lines. A line that starts with a space or tab continues the
    /// field before it; a line with no colon is skipped, as are a mailbox file's `From ` line
    /// and everything past `fieldLimit`.
    init(parsing text: String) {
        self.init(parsing: Array(text.utf8)[...])
    }

    init(parsing bytes: ArraySlice<UInt8>) {
        var fields: [Field] = []
        var name: String?
        var value: [UInt8] = []
        func finish() {
            if let name, fields.count < Self.fieldLimit {
                fields.append(Field(name: name, value: Charset.guess(value).trimmingCharacters(in: .whitespaces)))
            }
            name = nil
            value = []
        }
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            let line = line.last == 13 ? line.dropLast() : line
            if let first = line.first, first == 32 || first == 9 {
                if name != nil {
                    value.append(32)
                    value.append(contentsOf: line.drop { $0 == 32 || $0 == 9 })
                }
                continue
            }
            finish()
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let fieldName = line[line.startIndex..<colon]
            guard !fieldName.isEmpty, fieldName.allSatisfy({ $0 > 32 && $0 < 127 }) else { continue }
            name = String(decoding: fieldName, as: UTF8.self)
            value = Array(line[(colon + 1)...])
        }
        finish()
        self.fields = fields
    }

    /// The first field of that name, compared without case.
    subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every field of that name, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    var contentType: ContentType {
        ContentType(self["Content-Type"])
    }
}
