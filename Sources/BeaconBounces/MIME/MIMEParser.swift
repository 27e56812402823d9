/// Finds the structure of a message: headers, multipart boundaries and enclosed messages'
/// headers, never decoding a body. Each boundary is found with one linear search, depth and
/// part counts are bounded, and a missing closing boundary (a report cut short) ends the
/// last part at the end of the message rather than losing it.
struct MIMEParser {
    /// A header block longer than this is not a report's.
    static let headerLimit = 256 * 1024
    static let depthLimit = 6
    static let partLimit = 200

    private let bytes: [UInt8]
    private var partsLeft = Self.partLimit

    /// The message's structure, or why it has none: no header block could be found.
    static func parse(_ bytes: [UInt8]) -> MIMEPart? {
        var parser = MIMEParser(bytes: bytes)
        guard ByteSearch.headerEnd(in: bytes, range: bytes.indices, limit: headerLimit) != nil else { return nil }
        return parser.part(in: bytes.indices, depth: 0)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func part(in range: Range<Int>, depth: Int) -> MIMEPart {
        let ends = ByteSearch.headerEnd(in: bytes, range: range, limit: Self.headerLimit) ?? (range.lowerBound, range.lowerBound)
        let header = MessageHeader(parsing: bytes[range.lowerBound..<ends.header])
        let body = ends.body..<range.upperBound
        let type = header.contentType
        guard depth < Self.depthLimit else { return MIMEPart(header: header, body: body, parts: []) }
        if type.isMultipart, let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 {
            var parts: [MIMEPart] = []
            for range in partRanges(in: body, boundary: Array(boundary.utf8), limit: partsLeft) where partsLeft > 0 {
                partsLeft -= 1
                parts.append(part(in: range, depth: depth + 1))
            }
            return MIMEPart(header: header, body: body, parts: parts)
        }
        if Self.enclosesHeader(type), partsLeft > 0 {
            // Only the enclosed message's header is read: its body may be the 20 MB original.
            partsLeft -= 1
            let enclosedEnds = ByteSearch.headerEnd(in: bytes, range: body, limit: Self.headerLimit) ?? (body.lowerBound, body.lowerBound)
            let enclosed = MIMEPart(
                header: MessageHeader(parsing: bytes[body.lowerBound..<enclosedEnds.header]), body: enclosedEnds.body..<body.upperBound, parts: [])
            return MIMEPart(header: header, body: body, parts: [enclosed])
        }
        return MIMEPart(header: header, body: body, parts: [])
    }

    /// Parts whose body is a message or its header: the returned original in a report.
    static func enclosesHeader(_ type: ContentType) -> Bool {
        type.is("message", "rfc822") || type.is("message", "global") || type.is("text", "rfc822-headers")
            || type.is("message", "rfc822-headers") || type.is("message", "global-headers")
    }

    /// The byte ranges between a multipart body's delimiter lines, the first `limit` of them.
    private func partRanges(in body: Range<Int>, boundary: [UInt8], limit: Int) -> [Range<Int>] {
        let delimiter = Array("--".utf8) + boundary
        let needle = [10] + delimiter
        var ranges: [Range<Int>] = []
        var partStart: Int?
        var searchFrom = body.lowerBound
        var atStart = body.starts(with: delimiter, in: bytes)
        while true {
            let delimiterStart: Int
            if atStart {
                delimiterStart = body.lowerBound
                atStart = false
            } else if let found = ByteSearch.find(needle, in: bytes, range: searchFrom..<body.upperBound) {
                delimiterStart = found + 1
            } else {
                break
            }
            let afterDelimiter = delimiterStart + delimiter.count
            let lineEnd = ByteSearch.nextLine(after: afterDelimiter, in: bytes, range: body)
            let rest = bytes[afterDelimiter..<lineEnd]
            let closes = rest.starts(with: [45, 45])
            // "--boundary-more" is another boundary's line, not this one's.
            guard closes || rest.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }) else {
                searchFrom = afterDelimiter
                continue
            }
            if let start = partStart {
                var end = max(start, delimiterStart - 1)
                if end > start, bytes[end - 1] == 13 { end -= 1 }
                ranges.append(start..<end)
            }
            if closes || ranges.count >= limit { return ranges }
            partStart = lineEnd
            searchFrom = max(lineEnd - 1, delimiterStart + 1)
        }
        if let start = partStart, start < body.upperBound { ranges.append(start..<body.upperBound) }
        return ranges
    }
}
