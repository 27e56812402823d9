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
        for word in line.dropFirst(indentation.count).split(separator: " ", omittingEmptySubsequences: true) {
            let prefix = lines.isEmpty ? String(indentation) : hanging
            if current.isEmpty {
                current = prefix + word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = hanging + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
