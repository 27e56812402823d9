import Foundation

/// RFC 2047 encoded words (`=?utf-8?B?…?=`) in header text such as a subject, decoded so an
/// auto-reply's "Ateb awtomatig" or "Réponse automatique" can be recognised. A word in a set
/// Beacon does not read is left as written.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var output = ""
        var rest = Substring(text)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let word = encodedWord(rest[start.lowerBound...]) else {
                output += before + "=?"
                rest = rest[start.upperBound...]
                lastWasEncoded = false
                continue
            }
            // Whitespace between two encoded words is not part of the text.
            if !(lastWasEncoded && before.allSatisfy(\.isWhitespace)) { output += before }
            output += word.text
            rest = rest[word.end...]
            lastWasEncoded = true
        }
        return output + rest
    }

    private static func encodedWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
        let fields = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, fields[3].hasPrefix("="), fields[2].count <= 1000 else { return nil }
        let charsetName = fields[0].split(separator: "*").first.map(String.init) ?? ""
        guard let charset = Charset(named: charsetName) else { return nil }
        let payload = Array(fields[2].utf8)[...]
        let bytes: [UInt8]
        switch fields[1].lowercased() {
        case "b": bytes = TransferEncoding.base64.decode(payload)
        case "q": bytes = TransferEncoding.quotedPrintable.decode(ArraySlice(payload.map { $0 == UInt8(ascii: "_") ? 32 : $0 }))
        default: return nil
        }
        return (charset.decode(bytes), fields[3].index(after: fields[3].startIndex))
    }
}
