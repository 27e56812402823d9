/// What a report shows of the message Beacon sent, from the copy or headers it returned.
public struct OriginalMessage: Sendable {
    /// `Message-ID`, with its angle brackets: the same for every copy of a delivery.
    public let messageID: String?
    /// `List-Id`: which digest it was.
    public let listID: String?
    public let subject: String?
    /// `Return-Path`, the envelope sender it went out with.
    public let returnPath: String?

    public init(messageID: String?, listID: String?, subject: String?, returnPath: String?) {
        self.messageID = messageID
        self.listID = listID
        self.subject = subject
        self.returnPath = returnPath
    }
}
