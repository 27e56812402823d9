public import BeaconCore

/// A channel that can send one message to one address on the fund's behalf, outside any digest
/// (the web service's sign-up confirmations), with the same sender and headers as its digests.
public protocol OneOffMessageSender: Channel {
    /// Sends `message` now; the outcome says whether it went, or why not.
    func send(_ message: OneOffMessage) throws(ChannelFailure) -> DeliveryOutcome
}

/// A message written by Beacon itself to one person, in their languages, Welsh first.
public struct OneOffMessage: Sendable, Hashable {
    /// Unique to this message: it names the message (`Message-ID`, the outbox file), never a reader.
    public let reference: String
    public let name: String
    public let email: String
    public let language: LanguagePreference
    /// Already in the reader's languages: `Welsh / English` for both.
    public let subject: String
    public let text: String
    /// A whole HTML document.
    public let html: String

    public init(reference: String, name: String, email: String, language: LanguagePreference, subject: String, text: String, html: String) {
        self.reference = reference
        self.name = name
        self.email = email
        self.language = language
        self.subject = subject
        self.text = text
        self.html = html
    }
}
