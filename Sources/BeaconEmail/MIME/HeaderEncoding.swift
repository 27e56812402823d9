import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: ASCII only, folded to lines of at most
/// 78 characters, with non-ASCII text as UTF-8 encoded-words that never split a character.
/// Nothing given here can end a header early: line breaks in values are never written raw.
/// No line passes 998 octets whatever the data: a word too long to fold is encoded-words,
/// which fold anywhere, and a URI too long for a line is broken with spaces, which readers of
/// URIs in angle brackets ignore (RFC 3986, appendix C).
enum HeaderEncoding {
    static let maximumLineLength = 78
    /// `=?UTF-8?B?` + `?=`: what each encoded word adds around its base64.
    private static let wordOverhead = 12
    /// Bytes of UTF-8 per encoded word: 42 bytes make 56 base64 characters, so each word is
    /// 68 characters and fits on any line after a header name like `Subject: `.
    private static let bytesPerWord = 42
    /// A plain word no longer than an encoded word fits on a line the same way; a longer one is encoded.
    private static let longestPlainWord = bytesPerWord / 3 * 4 + wordOverhead
    /// Longest URI kept whole: with `<`, `>`, a comma and the folding space, it fits in RFC 5322's 998 octets.
    private static let longestWholeURI = 990

    /// One header, folded: `Name: value` with continuation lines starting with a space.
    static func header(_ name: String, _ value: String) -> String {
        fold(name + ": " + value)
    }

    /// Unstructured text (a subject): left as it is when plain ASCII in words that fold, otherwise encoded-words.
    static func text(_ value: String) -> String {
        let flat = flatten(value)
        if isPlainASCII(flat), !hasLongWord(flat) { return flat }
        return encodedWords(flat).joined(separator: " ")
    }

    /// `Display Name <address>`; the name as a phrase, the address as given (it was validated
    /// on input and cannot hold spaces, quotes or line breaks).
    static func mailbox(name: String?, address: String) -> String {
        let display = name.map(phrase) ?? ""
        return display.isEmpty ? "<\(address)>" : display + " <\(address)>"
    }

    /// A display name or a List-Id's description: atoms where they suffice, a quoted string
    /// for other plain ASCII, encoded-words for the rest and for words too long to fold.
    static func phrase(_ text: String) -> String {
        let name = flatten(text)
        guard isPlainASCII(name), !hasLongWord(name) else { return encodedWords(name).joined(separator: " ") }
        if name.unicodeScalars.allSatisfy(atext.contains) { return name }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// `<uri>, <uri>` as List-Unsubscribe wants them, folding between them; a URI too long
    /// for any line is broken with spaces inside its brackets.
    static func uris(_ uris: [String]) -> String {
        uris.map { uri in
            guard uri.utf8.count > longestWholeURI else { return "<\(uri)>" }
            var pieces: [Substring] = []
            var rest = Substring(uri)
            while !rest.isEmpty {
                pieces.append(rest.prefix(maximumLineLength - 2))
                rest = rest.dropFirst(maximumLineLength - 2)
            }
            return "<" + pieces.joined(separator: " ") + ">"
        }.joined(separator: ", ")
    }

    private static let atext = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")

    /// Whether a word (bytes between spaces) is longer than a line can fold.
    private static func hasLongWord(_ text: String) -> Bool {
        guard text.utf8.count > longestPlainWord else { return false }
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: " ") ? 0 : run + 1
            if run > longestPlainWord { return true }
        }
        return false
    }

    /// Base64 encoded-words for `text`, each at most 75 characters, split between characters;
    /// a character of more bytes than a word holds (a letter under many combining marks) is
    /// split between its code points, which decoders join again.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        let add = { (bytes: [UInt8]) in
            if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= bytesPerWord {
                add(bytes)
            } else {
                for scalar in character.unicodeScalars { add(Array(String(scalar).utf8)) }
            }
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
