/// How receiving servers word failures that pass, whatever code they give them.
enum TemporaryWords {
    static func mailboxFull(_ text: String) -> Bool {
        contains(text, ["mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded storage", "insufficient storage",
                        "mailbox size limit", "exceeds its quota", "out of storage", "storage allocation"])
    }

    static func greylisting(_ text: String) -> Bool {
        contains(text, ["greylist", "graylist", "grey-list", "gray-list"])
    }

    private static func contains(_ text: String, _ phrases: [String]) -> Bool {
        let lowered = text.lowercased()
        return phrases.contains { lowered.contains($0) }
    }
}
