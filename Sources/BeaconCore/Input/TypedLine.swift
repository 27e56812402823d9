/// One line a person typed into a form on the web (a name, an organisation), held to the rules
/// a one-line field of the register is: trimmed, not empty, no longer than a line field may be,
/// and no line break, control or invisible formatting character.
public enum TypedLine {
    public enum Problem: Error, Sendable, Hashable {
        case empty, tooLong, forbiddenCharacter
    }

    /// The trimmed text, or why it cannot be used.
    public static func check(_ text: String) -> Result<String, Problem> {
        let trimmed = text.trimmedOfWhitespaceAndNewlines
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard trimmed.unicodeScalars.count <= FieldLength.line.hard else { return .failure(.tooLong) }
        guard RecordReader.forbiddenCharacter(in: trimmed, multiline: false) == nil else { return .failure(.forbiddenCharacter) }
        return .success(trimmed)
    }
}
