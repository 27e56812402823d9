public import Foundation

/// Turns one message that came back to the bounce address into facts: an RFC 3464 delivery
/// report, an RFC 5965 feedback report, a prose bounce, or an automatic reply, each with the
/// delivery its VERP reference names. Anything else, or anything damaged, is set aside with
/// the reason; nothing here throws or traps on what a message holds.
public struct ReturnedMailReader: Sendable {
    public let bounceAddress: BounceAddress
    public let limits: ReadingLimits

    public init(bounceAddress: BounceAddress, limits: ReadingLimits = .standard) {
        self.bounceAddress = bounceAddress
        self.limits = limits
    }

    /// Reads `message`, exactly as delivered. `envelopeRecipient` is the address the mail
    /// server delivered it to, when the source knows it (Postfix's `${recipient}`).
    public func read(_ message: Data, envelopeRecipient: String? = nil) -> Reading {
        guard !message.isEmpty else { return .setAside(.empty) }
        guard message.count <= limits.maximumMessageBytes else {
            return .setAside(.tooLarge(bytes: message.count, limit: limits.maximumMessageBytes))
        }
        let bytes = message.withUnsafeBytes { [UInt8]($0) }
        guard let root = MIMEParser.parse(bytes), !root.header.fields.isEmpty else { return .setAside(.noHeader) }
        do {
            return .returnedMail(try read(root, bytes: bytes, envelopeRecipient: envelopeRecipient))
        } catch {
            return .setAside(error)
        }
    }

    private func read(_ root: MIMEPart, bytes: [UInt8], envelopeRecipient: String?) throws(SetAsideReason) -> ReturnedMail {
        let header = root.header
        let subject = header["Subject"].map(EncodedWords.decode)
        let originalHeader = root.allParts.first { MIMEParser.enclosesHeader($0.contentType) }?.parts.first?.header
        var kind: ReturnedMailKind
        var recipients: [ReportedRecipient] = []
        var reportFields = MessageHeader(fields: [])
        var feedback: FeedbackReport?
        let reportType = root.contentType.is("multipart", "report") ? root.contentType.parameters["report-type"]?.lowercased() : nil

        if let statusPart = root.first("message", "delivery-status") ?? root.first("message", "global-delivery-status") {
            let status = try DeliveryStatusFields(Charset.guess(statusPart.content(of: bytes, limit: limits.partTextBytes)).withLineFeeds)
            reportFields = status.perMessage
            recipients = status.recipients
            kind = ReturnedMailKind(recipients: recipients)
        } else if let feedbackPart = root.first("message", "feedback-report") {
            let text = Charset.guess(feedbackPart.content(of: bytes, limit: limits.partTextBytes)).withLineFeeds
            feedback = try FeedbackReport(text, original: originalHeader)
            reportFields = MessageHeader(parsing: text)
            kind = .complaint
        } else if reportType == "delivery-status" || reportType == "feedback-report" {
            throw .malformedReport("it says it is a \(reportType!) report but has no \(reportType!) part")
        } else {
            let textPart = Self.readablePart(of: root)
            guard let text = textPart.flatMap({ readableText(of: $0, bytes: bytes) }) else {
                if PlainBounce.looksLikeOne(header, subject: subject, text: "") {
                    throw .unreadableCharset(textPart?.contentType.charset ?? "unknown")
                }
                return try notABounce(root, subject: subject, envelopeRecipient: envelopeRecipient, bytes: bytes)
            }
            guard PlainBounce.looksLikeOne(header, subject: subject, text: text) else {
                return try notABounce(root, subject: subject, envelopeRecipient: envelopeRecipient, bytes: bytes)
            }
            recipients = PlainBounce(header, text: text, bounceAddress: bounceAddress, remoteMTA: nil).recipients
            guard !recipients.isEmpty else { throw .malformedReport("it reads as a bounce but names no address that failed") }
            kind = ReturnedMailKind(recipients: recipients)
        }

        let original = originalHeader.map(Self.original)
        let originalSenders = [reportFields["X-Postfix-Sender"], reportFields["Original-Mail-From"], original?.returnPath].compactMap { $0 }
        return ReturnedMail(
            kind: kind, reference: reference(root, envelopeRecipient: envelopeRecipient, originalSenders: originalSenders, bytes: bytes),
            recipients: recipients,
            reportingMTA: TypedField.value(reportFields["Reporting-MTA"]) ?? Self.host(ofMessageID: header["Message-ID"]),
            arrivalDate: (reportFields["Arrival-Date"] ?? reportFields["Received-Date"]).flatMap(MailDate.parse),
            reportDate: header["Date"].flatMap(MailDate.parse), original: original, messageID: header["Message-ID"], subject: subject,
            feedback: feedback)
    }

    /// An automatic reply, or else not returned mail at all.
    private func notABounce(_ root: MIMEPart, subject: String?, envelopeRecipient: String?, bytes: [UInt8]) throws(SetAsideReason) -> ReturnedMail {
        guard AutoReplySigns.present(in: root.header, subject: subject) else { throw .notReturnedMail(subject: subject) }
        return ReturnedMail(
            kind: .autoReply, reference: reference(root, envelopeRecipient: envelopeRecipient, originalSenders: [], bytes: bytes),
            recipients: [], reportingMTA: nil, arrivalDate: nil, reportDate: root.header["Date"].flatMap(MailDate.parse),
            original: nil, messageID: root.header["Message-ID"], subject: subject, feedback: nil)
    }

    private func reference(_ root: MIMEPart, envelopeRecipient: String?, originalSenders: [String], bytes: [UInt8]) -> VERPReference? {
        // The raw start of the message, and each text part decoded, for a base64 body.
        let decoded = root.allParts.filter { $0.parts.isEmpty && $0.contentType.type == "text" }.prefix(4)
            .map { $0.content(of: bytes, limit: limits.partTextBytes)[...] }
        return ReferenceFinder(address: bounceAddress).find(
            envelopeRecipient: envelopeRecipient, report: root.header, originalSenders: originalSenders,
            text: [bytes[..<min(bytes.count, limits.referenceScanBytes)]] + decoded)
    }

    /// The prose of a bounce: its first plain-text part outside any returned original, or
    /// its first HTML part when it has no plain text.
    private static func readablePart(of root: MIMEPart) -> MIMEPart? {
        func own(_ part: MIMEPart) -> [MIMEPart] {
            MIMEParser.enclosesHeader(part.contentType) ? [] : [part] + part.parts.flatMap(own)
        }
        let leaves = own(root).filter { !$0.contentType.isMultipart }
        return leaves.first { $0.contentType.is("text", "plain") } ?? leaves.first { $0.contentType.is("text", "html") }
    }

    /// The part's words, without markup when it is HTML.
    private func readableText(of part: MIMEPart, bytes: [UInt8]) -> String? {
        guard let text = part.text(of: bytes, limit: limits.partTextBytes) else { return nil }
        return part.contentType.is("text", "html") ? HTMLText.plain(text) : text
    }

    private static func original(_ header: MessageHeader) -> OriginalMessage {
        OriginalMessage(
            messageID: header["Message-ID"], listID: header["List-Id"], subject: header["Subject"].map(EncodedWords.decode),
            returnPath: TypedField.address(header["Return-Path"]))
    }

    /// `mx.example.org` from `<20261201.ABC@mx.example.org>`.
    private static func host(ofMessageID messageID: String?) -> String? {
        guard let messageID, let at = messageID.lastIndex(of: "@") else { return nil }
        let host = messageID[messageID.index(after: at)...].trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        return host.isEmpty ? nil : host
    }
}
