/// Wraps plain text for mail clients that do not reflow it: lines of at most `width`
/// characters, with list items and indented lines continuing under their own text.
///
/// Works on UTF-8 bytes, counting characters only in words that are not ASCII: every copy of
/// a national register's digests is wrapped, and building strings word by word was most of it.
enum PlainTextWrapper {
    static let width = 72

    static func wrap(_ text: String, width: Int = width) -> String {
        var text = text
        return text.withUTF8 { wrap($0, width: width) }
    }

    /// The same for text given as its UTF-8 bytes.
    static func wrap(_ bytes: UnsafeBufferPointer<UInt8>, width: Int = width) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            if start > 0 { output.append(newline) }
            append(UnsafeBufferPointer(rebasing: bytes[start..<end]), width: width, to: &output)
            start = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func wrapLine(_ line: Substring, width: Int) -> String {
        var line = line
        return line.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 16)
            append(bytes, width: width, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// One line without its line break, wrapped onto the end of `output`.
    private static func append(_ line: UnsafeBufferPointer<UInt8>, width: Int, to output: inout [UInt8]) {
        // UTF-8 bytes are never fewer than characters: a short line in bytes needs no counting.
        guard line.count > width, characters(line) > width else {
            output.append(contentsOf: line)
            return
        }
        let indentation = line.prefix { $0 == space }.count
        let text = line[indentation...]
        var hanging = indentation
        if text.starts(with: [UInt8(ascii: "-"), space]) { hanging += 2 }
        // Length in characters of the output line being filled; nil before its first word.
        var length: Int?
        var position = text.startIndex
        while position < text.endIndex {
            guard line[position] != space else {
                position += 1
                continue
            }
            let end = line[position..<text.endIndex].firstIndex(of: space) ?? text.endIndex
            let word = UnsafeBufferPointer(rebasing: line[position..<end])
            let wordLength = characters(word)
            if let current = length, current + 1 + wordLength <= width {
                output.append(space)
                length = current + 1 + wordLength
            } else {
                let indent = length == nil ? indentation : hanging
                if length != nil { output.append(newline) }
                output.append(contentsOf: repeatElement(space, count: indent))
                length = indent + wordLength
            }
            output.append(contentsOf: word)
            position = end
        }
    }

    private static func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count
    }
}
