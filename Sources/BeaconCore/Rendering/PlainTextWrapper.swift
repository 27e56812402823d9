/// Wraps plain text for mail clients that do not reflow it: lines of at most `width`
/// characters, with list items and indented lines continuing under their own text.
enum PlainTextWrapper {
    static let width = 72

    static func wrap(_ text: String, width: Int = width) -> String {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { wrapLine(Substring($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: Substring, width: Int) -> String {
        // UTF-8 bytes are never fewer than characters: a short line in bytes needs no counting.
        guard line.utf8.count > width, line.count > width else { return String(line) }
        let indentation = line.prefix { $0 == " " }
        var hanging = String(repeating: " ", count: indentation.count)
        if line.dropFirst(indentation.count).hasPrefix("- ") { hanging += "  " }
        var lines: [String] = []
        var current = ""
        // Lengths in characters, kept as the line grows rather than counted again per word.
        var length = 0
        // Split and measured by bytes where a word is ASCII: counting characters is what costs.
        for bytes in line.dropFirst(indentation.count).utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true) {
            let word = Substring(bytes)
            let wordLength = bytes.allSatisfy { $0 < 0x80 } ? bytes.count : word.count
            if current.isEmpty {
                let prefix = lines.isEmpty ? String(indentation) : hanging
                current = prefix + word
                length = prefix.count + wordLength
            } else if length + 1 + wordLength <= width {
                current += " " + word
                length += 1 + wordLength
            } else {
                lines.append(current)
                current = hanging + word
                length = hanging.count + wordLength
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
