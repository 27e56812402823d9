/// A rendered digest with the reader's name and footer links left as marks, so readers
/// who get the same issue share one rendering and each copy only fills in the marks. Lines
/// with a mark are kept whole and, in plain text, wrapped once filled, since a name changes
/// where a line breaks.
struct PersonalisedRendering: Sendable {
    /// Private-use characters: they cannot come from a template, and a reader's name or link
    /// that contains one is rendered on its own instead.
    static let nameMark: Character = "\u{E000}"
    static let linkMark: Character = "\u{E001}"
    static let webCopyMark: Character = "\u{E002}"

    private enum Part: Sendable {
        case fixed(String)
        case personal(Substring)
    }

    private let parts: [Part]
    private let format: DigestFormat
    /// Whether the page holds a carriage return, which a line encoding may treat as part of a
    /// line break: such a page is encoded whole for each copy.
    private let hasCarriageReturn: Bool

    /// `rendered` is the layout's output before plain text is wrapped. Each part is one or
    /// more whole lines; filling joins them with line breaks again.
    init(rendered: String, format: DigestFormat) {
        self.format = format
        let fixed = { (bytes: ArraySlice<UInt8>) in
            Part.fixed(format == .text ? bytes.withUnsafeBufferPointer { PlainTextWrapper.wrap($0) } : String(decoding: bytes, as: UTF8.self))
        }
        let bytes = Array(rendered.utf8)
        hasCarriageReturn = bytes.contains(UInt8(ascii: "\r"))
        let newline = UInt8(ascii: "\n")
        var parts: [Part] = []
        var start = 0
        var search = 0
        // Only a line with a mark is cut out; the text between such lines stays in one piece.
        while let mark = bytes[search...].firstIndex(of: Self.markLead) {
            let lineStart = bytes[start..<mark].lastIndex(of: newline).map { $0 + 1 } ?? start
            let lineEnd = bytes[mark...].firstIndex(of: newline) ?? bytes.count
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            search = min(lineEnd + 1, bytes.count)
            // Another private-use character is not a mark: its line stays in the fixed text.
            guard Self.hasMark(Substring(line)) else { continue }
            if lineStart > start { parts.append(fixed(bytes[start..<(lineStart - 1)])) }
            parts.append(.personal(Substring(line)))
            start = search
            if lineEnd == bytes.count {
                self.parts = parts
                return
            }
        }
        parts.append(fixed(bytes[start...]))
        self.parts = parts
    }

    static func canHold(_ values: String?...) -> Bool {
        values.allSatisfy { value in value.map { !hasMark(Substring($0)) } ?? true }
    }

    /// Every mark starts with this byte in UTF-8, and nothing a template or register holds
    /// does: the scalars are only compared on lines that have it.
    private static let markLead: UInt8 = 0xEE

    private static func hasMark(_ line: Substring) -> Bool {
        line.utf8.contains(markLead) && line.unicodeScalars.contains { $0 == nameScalar || $0 == linkScalar || $0 == webCopyScalar }
    }

    private static let nameScalar = nameMark.unicodeScalars.first!
    private static let linkScalar = linkMark.unicodeScalars.first!
    private static let webCopyScalar = webCopyMark.unicodeScalars.first!

    func filled(name: String, links: FooterLinks) -> String {
        let (name, links) = escaped(name: name, links: links)
        var result = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result += "\n" }
            switch part {
            case .fixed(let text): result += text
            case .personal(let line): result += fill(line, name: name, links: links)
            }
        }
        return result
    }

    /// The page as `Encoding` writes it, with the text every copy shares encoded once, now.
    func encoded<Encoding: LineEncoding>(by _: Encoding.Type) -> Encoded {
        Encoded(
            rendering: self, lineBreak: Encoding.lineBreak, encode: Encoding.encode,
            fixed: hasCarriageReturn ? [] : parts.map { part in
                if case .fixed(let text) = part { Encoding.encode(text) } else { [] }
            })
    }

    /// A rendering with its shared text already encoded: each copy encodes only its own lines.
    struct Encoded: Sendable {
        fileprivate let rendering: PersonalisedRendering
        fileprivate let lineBreak: [UInt8]
        fileprivate let encode: @Sendable (String) -> [UInt8]
        /// By part: the fixed text encoded; empty when the page is encoded whole per copy.
        fileprivate let fixed: [[UInt8]]

        func filled(name: String, links: FooterLinks) -> [UInt8] {
            guard !fixed.isEmpty else { return encode(rendering.filled(name: name, links: links)) }
            let (name, links) = rendering.escaped(name: name, links: links)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(fixed.reduce(0) { $0 + $1.count } + 1024)
            for (index, part) in rendering.parts.enumerated() {
                if index > 0 { bytes += lineBreak }
                switch part {
                case .fixed: bytes += fixed[index]
                case .personal(let line): bytes += encode(rendering.fill(line, name: name, links: links))
                }
            }
            return bytes
        }
    }

    private func escaped(name: String, links: FooterLinks) -> (name: String, links: FooterLinks) {
        let escape = { (value: String?) in format == .html ? HTMLEscaping.escape(value ?? "") : value ?? "" }
        return (escape(name), FooterLinks(unsubscribe: escape(links.unsubscribe), webCopy: escape(links.webCopy)))
    }

    /// A line with its marks replaced by the escaped name and links; plain text wrapped again.
    /// On bytes: a mark is three bytes of UTF-8 (EE 80 80 to EE 80 82) whose lead byte nothing
    /// else in the line can match, and every copy fills its lines.
    private func fill(_ line: Substring, name: String, links: FooterLinks) -> String {
        let bytes = line.utf8
        let unsubscribe = links.unsubscribe ?? "", webCopy = links.webCopy ?? ""
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count + name.utf8.count + unsubscribe.utf8.count + webCopy.utf8.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == Self.markLead, let mark = Self.mark(in: bytes, at: index) {
                filled += mark == Self.nameScalar ? name.utf8 : mark == Self.linkScalar ? unsubscribe.utf8 : webCopy.utf8
                index = bytes.index(index, offsetBy: 3)
            } else {
                filled.append(byte)
                index = bytes.index(after: index)
            }
        }
        let text = String(decoding: filled, as: UTF8.self)
        return format == .text ? PlainTextWrapper.wrapLine(Substring(text), width: PlainTextWrapper.width) : text
    }

    /// The mark whose UTF-8 starts at `index`, if one does.
    private static func mark(in bytes: Substring.UTF8View, at index: Substring.UTF8View.Index) -> Unicode.Scalar? {
        guard bytes.distance(from: index, to: bytes.endIndex) >= 3 else { return nil }
        let second = bytes[bytes.index(index, offsetBy: 1)], third = bytes[bytes.index(index, offsetBy: 2)]
        guard second == 0x80 else { return nil }
        return third == 0x80 ? nameScalar : third == 0x81 ? linkScalar : third == 0x82 ? webCopyScalar : nil
    }
}
