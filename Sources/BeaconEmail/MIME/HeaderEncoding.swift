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
        if name.utf8.allSatisfy(isAtext) { return name }
        // A backslash or quote is escaped with a backslash; the name is plain ASCII by then.
        var escaped: [UInt8] = [UInt8(ascii: "\"")]
        for byte in name.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        escaped.append(UInt8(ascii: "\""))
        return String(decoding: escaped, as: UTF8.self)
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

    /// Whether a byte of plain ASCII may appear in an atom, or is a space between atoms.
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-/=?^_`{|}~ ".utf8.contains(byte)
        }
    }

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
        // A word's bytes are always a run of the text's own, from `chunk` up to `end`.
        let utf8 = text.utf8
        var words: [String] = []
        var chunk = utf8.startIndex
        var end = utf8.startIndex
        func add(upTo next: String.Index) {
            if utf8.distance(from: chunk, to: next) > bytesPerWord, chunk != end {
                words.append(word(utf8[chunk..<end]))
                chunk = end
            }
            end = next
        }
        var position = text.startIndex
        while position < text.endIndex {
            let next = text.index(after: position)
            if utf8.distance(from: position, to: next) <= bytesPerWord {
                add(upTo: next)
            } else {
                let scalars = text.unicodeScalars
                var scalar = position
                while scalar < next {
                    scalar = scalars.index(after: scalar)
                    add(upTo: scalar)
                }
            }
            position = next
        }
        if chunk != end { words.append(word(utf8[chunk..<end])) }
        return words
    }

    private static func word(_ bytes: Substring.UTF8View) -> String {
        let encoded = "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
        assert(encoded.count <= bytesPerWord / 3 * 4 + wordOverhead)
        return encoded
    }

    /// Folds at spaces so no line passes 78 characters where a space allows it.
    static func fold(_ line: String) -> String {
        // Bytes are never fewer than characters: most headers fit and come back as they are.
        guard line.utf8.count > maximumLineLength else { return line }
        // Encoded headers are ASCII, where a byte is a character (a CR could join an LF).
        if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) { return foldASCII(line) }
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

    /// The same folding on bytes, with the same rules: headers are folded for every message.
    private static func foldASCII(_ line: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(line.utf8.count + 16)
        var folds = 0
        var current = 0
        var blank = true
        for word in line.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            if current == 0, folds == 0 {
                folded += word
                current = word.count
            } else if current + 1 + word.count <= maximumLineLength || blank {
                folded.append(UInt8(ascii: " "))
                folded += word
                current += 1 + word.count
            } else {
                folded += [13, 10, UInt8(ascii: " ")]
                folded += word
                folds += 1
                current = 1 + word.count
                blank = true
            }
            if !word.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { blank = false }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Control characters, including line breaks, become spaces: a value can never start a new header.
    static func flatten(_ value: String) -> String {
        if isFlat(value) { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Text with single spaces inside and none at the ends, and no control character or line
    /// separator, as nearly every name and title is, is flat already. Checked on UTF-8, where a
    /// C1 control is C2 80 to C2 9F and the separators U+2028 and U+2029 are E2 80 A8 and A9.
    private static func isFlat(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.last != UInt8(ascii: " ") else { return false }
        var previous = UInt8(ascii: " ")
        var beforePrevious = UInt8(0)
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || (byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ")) { return false }
            if previous == 0xC2, (0x80...0x9F).contains(byte) { return false }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// Printable ASCII without `=?`, which would start an encoded-word.
    private static func isPlainASCII(_ text: String) -> Bool {
        var previous = UInt8(0)
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || (previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) { return false }
            previous = byte
        }
        return true
    }
}
