import Foundation

/// Bounces written as prose rather than RFC 3464 reports (Exim, qmail, older Exchange and
/// assorted appliances): recognised by who sent them and how they are titled, then read for
/// addresses and the status codes near them.
struct PlainBounce {
    let recipients: [ReportedRecipient]

    static func looksLikeOne(_ header: MessageHeader, subject: String?, text: String) -> Bool {
        if header["X-Failed-Recipients"] != nil { return true }
        let from = header["From"]?.lowercased() ?? ""
        let fromDaemon = ["mailer-daemon@", "postmaster@", "mail-daemon@", "mailerdaemon@", "mail delivery"].contains { from.contains($0) }
        // Postfix's pipe(8) writes the null sender as <MAILER-DAEMON>.
        let nullSender = ["<>", "<mailer-daemon>"].contains(header["Return-Path"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
        let subject = subject?.lowercased() ?? ""
        let bounceSubject = subjectPhrases.contains { subject.contains($0) }
        return (fromDaemon || nullSender) && bounceSubject || fromDaemon && StatusText.firstCode(in: text) != nil
    }

    /// Reads the text for the recipients it is about: those in `X-Failed-Recipients`, else
    /// every address in it other than Beacon's own and the reporting system's.
    init(_ header: MessageHeader, text: String, bounceAddress: BounceAddress, remoteMTA: String?) {
        let text = Self.ownWords(text)
        var addresses = header.values("X-Failed-Recipients").flatMap { AddressList.addresses(in: $0) }
        if addresses.isEmpty {
            let ignored = Set((header.values("From") + header.values("To")).flatMap { AddressList.addresses(in: $0) }.map { $0.lowercased() })
            addresses = AddressList.addresses(in: text).filter { address in
                let lowered = address.lowercased()
                let local = lowered.split(separator: "@").first.map(String.init) ?? ""
                return !ignored.contains(lowered) && bounceAddress.reference(in: address) == nil
                    && !["mailer-daemon", "postmaster", "mail-daemon"].contains(local)
                    && !lowered.hasPrefix(bounceAddress.localPart.lowercased() + "@")
            }
        }
        let delayed = Self.delayPhrases.contains { text.lowercased().contains($0) } && !Self.permanentPhrases.contains { text.lowercased().contains($0) }
        recipients = addresses.map { address in
            let diagnostic = Self.diagnostic(for: address, in: text)
            let status = diagnostic.flatMap(StatusText.firstCode) ?? Self.statedClass(of: text)
            return ReportedRecipient(
                finalRecipient: address, action: delayed ? .delayed : .failed, status: status, diagnostic: diagnostic, remoteMTA: remoteMTA)
        }
    }

    /// The bounce's own words, without the copy of the original most servers append, whose
    /// addresses (Beacon's own among them) are not the ones that failed.
    private static func ownWords(_ text: String) -> String {
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lowered = line.lowercased()
            if ["return-path:", "received:", "from:", "message-id:"].contains(where: lowered.hasPrefix)
                || ["copy of the message", "original message", "below this line"].contains(where: lowered.contains) {
                break
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// The lines quoting a server's reply about `address`: from the first status code after
    /// the address's first mention to the end of that paragraph, on one line.
    private static func diagnostic(for address: String, in text: String) -> String? {
        guard let mention = text.range(of: address, options: .caseInsensitive) else { return nil }
        let window = text[mention.upperBound...].prefix(2000)
        guard let code = StatusText.firstCodeToken(in: window) else { return nil }
        let lineStart = window[..<code.startIndex].lastIndex(of: "\n").map { window.index(after: $0) } ?? window.startIndex
        let paragraphEnd = window[code.startIndex...].range(of: "\n\n")?.lowerBound ?? window.endIndex
        let quoted = window[lineStart..<paragraphEnd].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(quoted.prefix(500))
    }

    /// A bounce with no code at all still says whether it gave up: `X.0.0` of that class.
    private static func statedClass(of text: String) -> StatusCode? {
        let lowered = text.lowercased()
        if permanentPhrases.contains(where: lowered.contains) { return StatusCode(.permanentFailure, 0, 0) }
        if delayPhrases.contains(where: lowered.contains) || lowered.contains("temporar") { return StatusCode(.persistentTransientFailure, 0, 0) }
        return nil
    }

    private static let subjectPhrases = [
        "undeliver", "undelivered", "delivery status notification", "returned mail", "failure notice", "mail delivery failed",
        "delivery failure", "non-delivery", "nondeliverable", "non delivery", "could not be delivered", "delivery has failed",
        "delivery failed", "delayed mail", "delivery delayed", "warning: message", "unzustellbar", "nicht zustellbar",
        "non remis", "échec de la remise", "methwyd danfon",
    ]

    private static let permanentPhrases = [
        "permanent error", "permanent failure", "permanently", "user unknown", "unknown user", "no such user", "does not exist",
        "address rejected", "mailbox unavailable", "i've given up", "retry timeout exceeded", "could not be delivered",
    ]

    private static let delayPhrases = [
        "has been delayed", "delayed", "will be retried", "will retry", "still trying", "not yet been delivered", "will continue trying",
        "no action is required",
    ]
}
