extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks. Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString on Linux, which was a third of loading
    /// a register of 100,000 subscribers.
    var trimmedOfWhitespaceAndNewlines: String {
        trimmed(asciiWhitespace: { $0 == 0x20 || (0x09...0x0D).contains($0) }) { $0.properties.isWhitespace }
    }

    /// Without leading and trailing spaces and tabs; line breaks stay, so they can be reported.
    var trimmedOfWhitespace: String {
        trimmed(asciiWhitespace: { $0 == 0x20 || $0 == 0x09 }) { $0.properties.isWhitespace && !Self.isLineBreak($0) }
    }

    /// Asks Unicode (`isTrimmed`) only about scalars beyond ASCII, and copies the kept bytes in
    /// one go: building the result scalar by scalar was most of reading a subscriber.
    private func trimmed(asciiWhitespace: (UInt8) -> Bool, _ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        func trims(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? asciiWhitespace(UInt8(scalar.value)) : isTrimmed(scalar) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trims($0) }), let last = scalars.lastIndex(where: { !trims($0) }) else { return "" }
        let end = scalars.index(after: last)
        if first == scalars.startIndex, end == scalars.endIndex, let whole = self as? String { return whole }
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension Unicode.Scalar {
    /// General category Cc, by value: asking for the category is slow, and Cc is fixed.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
