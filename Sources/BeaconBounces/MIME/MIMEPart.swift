/// One entity of a message: its header and where its body lies in the message's bytes, with
/// the parts of a multipart, or the header of an enclosed message, already found.
struct MIMEPart: Sendable {
    let header: MessageHeader
    let body: Range<Int>
    let parts: [MIMEPart]

    var contentType: ContentType { header.contentType }

    /// Every part below this one, depth first, this one included.
    var allParts: [MIMEPart] {
        [self] + parts.flatMap(\.allParts)
    }

    /// The first part, at any depth, of that type.
    func first(_ type: String, _ subtype: String) -> MIMEPart? {
        allParts.first { $0.contentType.is(type, subtype) }
    }

    /// The body's content, transfer encoding undone, from at most `limit` bytes of it: a
    /// large attachment is never decoded whole.
    func content(of bytes: [UInt8], limit: Int) -> [UInt8] {
        let range = body.lowerBound..<min(body.upperBound, body.lowerBound + limit)
        return TransferEncoding(header["Content-Transfer-Encoding"]).decode(bytes[range])
    }

    /// The body as text in the part's charset, lines ending in LF, or nil when that charset
    /// is not one Beacon reads and the text is not plain ASCII.
    func text(of bytes: [UInt8], limit: Int) -> String? {
        let content = content(of: bytes, limit: limit)
        guard let name = contentType.charset else { return Charset.guess(content).withLineFeeds }
        if let charset = Charset(named: name) { return charset.decode(content).withLineFeeds }
        return content.allSatisfy { $0 < 128 } ? String(decoding: content, as: UTF8.self).withLineFeeds : nil
    }
}
