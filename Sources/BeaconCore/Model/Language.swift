/// A language a reader can read Beacon in.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case welsh = "cy"
    case english = "en"
}

/// What a subscriber asked for. Under the Welsh Language Standards the default, when a
/// preference is unknown, is both languages, with Welsh first.
public enum LanguagePreference: String, CaseIterable, Sendable, Hashable {
    case welsh = "cy"
    case english = "en"
    case both

    /// Languages in reading order: Welsh is never placed after English.
    public var languages: [Language] {
        switch self {
        case .welsh: [.welsh]
        case .english: [.english]
        case .both: [.welsh, .english]
        }
    }
}

/// Reader-facing text in English and Welsh. English is what the register must always have;
/// a missing Welsh text is reported to the operator and shown in English, marked as such.
public struct LocalizedText: Hashable, Sendable {
    public let english: String
    public let welsh: String?

    public init(english: String, welsh: String?) {
        self.english = english
        self.welsh = welsh
    }

    /// The same words in both languages (a name, a number).
    public init(_ both: String) {
        self.english = both
        self.welsh = both
    }

    /// The text in `language`, or the English text and the language it is really in.
    public func resolved(in language: Language) -> (text: String, language: Language) {
        switch language {
        case .english: (english, .english)
        case .welsh: welsh.map { ($0, .welsh) } ?? (english, .english)
        }
    }
}
