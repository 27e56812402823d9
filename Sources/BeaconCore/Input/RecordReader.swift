/// Reads typed values out of one record, reporting each problem with its file, row and field
/// and carrying on, so one pass finds every mistake.
struct RecordReader {
    let source: any FieldSource
    let diagnostics: Diagnostics

    func report(_ problem: InputProblem, _ field: String) {
        diagnostics.report(problem, at: source.location(of: field))
    }

    /// Trimmed single-line text; nil when empty. Reports an empty required field, a field
    /// longer than its kind allows (`length`, by default a line or paragraphs), and any line
    /// break or control character, which could otherwise end up in a mail header.
    func string(_ field: String, required: Bool = true, multiline: Bool = false, length: FieldLength? = nil) -> String? {
        let raw = source.text(field) ?? ""
        let trimmed = raw.trimmedOfWhitespaceAndNewlines
        guard !trimmed.isEmpty else {
            if required {
                report(source.has(field) || source is CSVRowSource ? .emptyRequired : .missingKey, field)
            }
            return nil
        }
        guard fits(trimmed.utf8.count, { trimmed.unicodeScalars.count }, length ?? (multiline ? .paragraphs : .line), field) else { return nil }
        let normalised = multiline ? Self.normaliseLineBreaks(trimmed) : trimmed
        if let problem = Self.forbiddenCharacter(in: normalised, multiline: multiline) {
            report(problem, field)
            return nil
        }
        return normalised
    }

    /// `base_en`/`base_cy` (CSV) or `base: {en:, cy:}` (YAML). A missing Welsh text is a warning.
    func localized(_ base: String, required: Bool = true, multiline: Bool = false) -> LocalizedText? {
        let names = source.localizedNames(base)
        let english = string(names.english, required: required, multiline: multiline)
        let welsh = string(names.welsh, required: false, multiline: multiline)
        guard let english else {
            // An English text that was refused has been reported already.
            if welsh != nil, (source.text(names.english) ?? "").trimmedOfWhitespaceAndNewlines.isEmpty {
                report(.inconsistent("Welsh text is given but the English text is empty"), names.english)
            }
            return nil
        }
        if welsh == nil { report(.missingWelsh(english: english), names.welsh) }
        return LocalizedText(english: english, welsh: welsh)
    }

    func date(_ field: String, required: Bool = true) -> CivilDate? {
        guard let text = string(field, required: required) else { return nil }
        guard let date = CivilDate(parsing: text) else {
            report(.badDate(text), field)
            return nil
        }
        return date
    }

    func money(_ field: String, required: Bool = true) -> Pence? {
        guard let text = string(field, required: required) else { return nil }
        guard let amount = Pence(pounds: text) else {
            report(.badMoney(text), field)
            return nil
        }
        return amount
    }

    func positiveInt(_ field: String) -> Int? {
        guard let text = string(field, required: false) else { return nil }
        guard let value = Int(text), value > 0 else {
            report(.badNumber(text), field)
            return nil
        }
        return value
    }

    func bool(_ field: String) -> Bool? {
        guard let text = string(field, required: false) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.badChoice(text, allowed: ["true", "false"]), field)
            return nil
        }
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ field: String, required: Bool = true) -> Value?
    where Value.RawValue == String {
        guard let text = string(field, required: required) else { return nil }
        return parseChoice(text, field)
    }

    /// `fallback` when the field is empty; nil (reported) when it holds something else.
    func choice<Value: RawRepresentable & CaseIterable>(_ field: String, default fallback: Value) -> Value?
    where Value.RawValue == String {
        guard let text = string(field, required: false) else { return fallback }
        return parseChoice(text, field)
    }

    func choices<Value: RawRepresentable & CaseIterable>(_ field: String, required: Bool = false) -> [Value]
    where Value.RawValue == String {
        items(field, required: required).compactMap { parseChoice($0, field) }
    }

    /// Ids that must be among `known` (`kind` names them in the message).
    func references<Kind>(_ field: String, in known: Set<Identifier<Kind>>, kind: String, required: Bool = false) -> [Identifier<Kind>] {
        items(field, required: required).compactMap { text in
            let id = Identifier<Kind>(text)
            guard known.contains(id) else {
                report(.unknownReference(kind: kind, id: text), field)
                return nil
            }
            return id
        }
    }

    func reference<Kind>(_ field: String, in known: Set<Identifier<Kind>>, kind: String, required: Bool = true) -> Identifier<Kind>? {
        guard let text = string(field, required: required) else { return nil }
        let id = Identifier<Kind>(text)
        guard known.contains(id) else {
            report(.unknownReference(kind: kind, id: text), field)
            return nil
        }
        return id
    }

    func email(_ field: String, required: Bool = true) -> String? {
        guard let raw = source.text(field), !raw.trimmedOfWhitespace.isEmpty else {
            _ = string(field, required: required)
            return nil
        }
        let text = raw.trimmedOfWhitespace
        guard fits(text.utf8.count, { text.unicodeScalars.count }, .line, field) else { return nil }
        if let reason = EmailAddress.problem(with: text) {
            report(.badEmail(text, reason: reason), field)
            return nil
        }
        return text
    }

    func url(_ field: String) -> String? {
        guard let text = string(field, required: false, length: .link) else { return nil }
        let lower = text.lowercased()
        // Bytes, not characters: a quote followed by a combining mark is one character that
        // `==` would not match, yet it ends an attribute all the same.
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              text.utf8.count > 8, !text.utf8.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else {
            report(.badURL(text), field)
            return nil
        }
        return text
    }

    func items(_ field: String, required: Bool) -> [String] {
        let values = source.list(field) ?? []
        if values.isEmpty, required {
            report(source.has(field) || source is CSVRowSource ? .emptyRequired : .missingKey, field)
        }
        let bytes = values.reduce(0) { $0 + $1.utf8.count + 2 }
        guard fits(bytes, { values.reduce(0) { $0 + $1.unicodeScalars.count + 2 } }, .list, field) else { return [] }
        return values.filter { item in
            if let problem = Self.forbiddenCharacter(in: item, multiline: false) {
                report(problem, field)
                return false
            }
            return true
        }
    }

    /// Whether a text of `bytes` UTF-8 bytes fits `length`, reporting it when not, or when it
    /// passes the soft limit. Characters are only counted (`characters`) for a text whose bytes
    /// pass a limit, so ordinary fields cost nothing more.
    private func fits(_ bytes: Int, _ characters: () -> Int, _ length: FieldLength, _ field: String) -> Bool {
        guard bytes > (length.soft ?? length.hard) else { return true }
        let count = characters()
        if count > length.hard {
            report(.tooLong(characters: count, length: length), field)
            return false
        }
        if let soft = length.soft, count > soft {
            report(.longText(characters: count, length: length), field)
        }
        return true
    }

    private func parseChoice<Value: RawRepresentable & CaseIterable>(_ text: String, _ field: String) -> Value?
    where Value.RawValue == String {
        guard let value = Value(rawValue: text.lowercased()) else {
            report(.badChoice(text, allowed: Value.allCases.map(\.rawValue)), field)
            return nil
        }
        return value
    }

    static func normaliseLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The first character that may not appear, as a problem to report, or nil.
    static func forbiddenCharacter(in text: String, multiline: Bool) -> InputProblem? {
        // Printable ASCII, as nearly every field is, holds none of them.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) || (multiline && ($0 == 0x0A || $0 == 0x09)) }) { return nil }
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where multiline, "\t" where multiline: continue
            case "\n", "\r": return .controlCharacter("a line break")
            case "\0": return .controlCharacter("a NUL character")
            case "\u{2028}", "\u{2029}": return .controlCharacter("a Unicode line separator")
            case _ where scalar.isControl: return .controlCharacter("a control character (U+\(String(format: "%04X", scalar.value)))")
            case _ where scalar.isInvisibleFormatting && !scalar.continuesEmoji(after: previous): return .invisibleCharacter(scalar)
            default: continue
            }
        }
        return nil
    }
}
