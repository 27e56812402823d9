import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: ASCII only, folded to lines of at most
/// 78 characters, with non-ASCII text as UTF-8 encoded-words that never split a character.
/// Nothing given here can end a header early: line breaks in values are never written raw.
enum HeaderEncoding {
    static let maximumLineLength = 78
    /// `=?UTF-8?B?` + `?=`: what each encoded word adds around its base64.
    private static let wordOverhead = 12
    /// Bytes of UTF-8 per encoded word: 42 bytes make 56 base64 characters, so each word is
    /// 68 characters and fits on any line after a header name like `Subject: `.
    private static let bytesPerWord = 42

    /// One header, folded: `Name: value` with continuation lines starting with a space.
    static func header(_ name: String, _ value: String) -> String {
        fold(name + ": " + value)
    }

    /// Unstructured text (a subject): left as it is when plain ASCII, otherwise encoded-words.
    static func text(_ value: String) -> String {
        let flat = flatten(value)
        if isPlainASCII(flat) { return flat }
        return encodedWords(flat).joined(separator: " ")
    }

    /// `Display Name <address>`; the name quoted or encoded as it needs, the address as given
    /// (it was validated on input and cannot hold spaces, quotes or line breaks).
    static func mailbox(name: String?, address: String) -> String {
        guard let name = name.map(flatten), !name.isEmpty else { return "<\(address)>" }
        if isPlainASCII(name) {
            if name.unicodeScalars.allSatisfy(atext.contains) { return "\(name) <\(address)>" }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return encodedWords(name).joined(separator: " ") + " <\(address)>"
    }

    private static let atext = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")

    /// Base64 encoded-words for `text`, each at most 75 characters, split between characters.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        let encoded = "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
        assert(encoded.count <= bytesPerWord / 3 * 4 + wordOverhead)
        return encoded
    }

    /// Folds at spaces so no line passes 78 characters where a space allows it.
    static func fold(_ line: String) -> String {
        // Bytes are never fewer than characters: most headers fit and come back as they are.
        guard line.utf8.count > maximumLineLength else { return line }
        var lines: [String] = []
        var current = ""
        // Lengths are kept as the line grows: counting characters again for every word made
        // long headers (List-Unsubscribe) cost as much as a whole body.
        var length = 0
        var blank = true
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let wordLength = word.count
            if current.isEmpty, lines.isEmpty {
                current = String(word)
                length = wordLength
            } else if length + 1 + wordLength <= maximumLineLength || blank {
                current += " " + word
                length += 1 + wordLength
            } else {
                lines.append(current)
                current = " " + word
                length = 1 + wordLength
                blank = true
            }
            if !word.allSatisfy({ $0 == " " || $0 == "\t" }) { blank = false }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Control characters, including line breaks, become spaces: a value can never start a new header.
    static func flatten(_ value: String) -> String {
        // Printable ASCII with single spaces inside, as nearly every name and title is, is flat already.
        var previous = UInt8(ascii: " ")
        if value.utf8.last != UInt8(ascii: " "), value.utf8.allSatisfy({ byte in
            defer { previous = byte }
            return byte >= 0x20 && byte < 0x7F && !(byte == UInt8(ascii: " ") && previous == UInt8(ascii: " "))
        }) {
            return value
        }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func isPlainASCII(_ text: String) -> Bool {
        !text.contains("=?") && text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
    }
}
