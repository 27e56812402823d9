extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks. Done on Unicode scalars:
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux, which was a
    /// third of loading a register of 100,000 subscribers.
    var trimmedOfWhitespaceAndNewlines: String { trimmed { $0.properties.isWhitespace } }

    /// Without leading and trailing spaces and tabs; line breaks stay, so they can be reported.
    var trimmedOfWhitespace: String { trimmed { $0.properties.isWhitespace && !Self.isLineBreak($0) } }

    private func trimmed(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension Unicode.Scalar {
    /// General category Cc, by value: asking for the category is slow, and Cc is fixed.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
