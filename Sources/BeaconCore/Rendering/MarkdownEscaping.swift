/// Register text as Markdown text: a title such as `<script>`, `*urgent*` or `1. first` shows
/// as typed instead of becoming HTML, emphasis or a list when the Markdown is converted (a
/// bulletin's `.md`, a chat tool showing a webhook's message). Every character CommonMark
/// could read as syntax is backslash-escaped, byte by byte so a combining mark cannot hide one.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { special[Int($0)] }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        var lineStart = true
        // Only digits so far on this line: a "." or ")" next would make an ordered list.
        var digitsOnly = false
        for byte in utf8 {
            if byte == UInt8(ascii: "\n") {
                lineStart = true
                digitsOnly = false
                bytes.append(byte)
                continue
            }
            let listNumber = digitsOnly && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))
            if alwaysEscaped[Int(byte)] || (lineStart && startsBlock[Int(byte)]) || listNumber {
                bytes.append(UInt8(ascii: "\\"))
            }
            bytes.append(byte)
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            digitsOnly = digit && (lineStart || digitsOnly)
            lineStart = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func table(_ characters: String) -> [Bool] {
        let set = Set(characters.utf8)
        return (0...255).map { set.contains(UInt8($0)) }
    }

    private static let alwaysEscaped = table("\\`*_[]<>|&~!#")
    /// Only at the start of a line: list items and setext underlines.
    private static let startsBlock = table("-+=")
    /// Anything that may need a backslash: most text has none and is returned as it is.
    private static let special = table("\\`*_[]<>|&~!#-+=.)\n")
}
