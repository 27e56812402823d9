extension Unicode.Scalar {
    /// The character as a message can show it: printable ASCII in quotes, anything else by its
    /// code point and Unicode name, since it may be invisible or change how the message displays.
    var shownToOfficer: String {
        if self == " " { return "a space" }
        if (0x21...0x7E).contains(value) { return "\"\(Character(self))\"" }
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return (properties.name ?? properties.nameAlias).map { "\(code) \($0)" } ?? code
    }
}
