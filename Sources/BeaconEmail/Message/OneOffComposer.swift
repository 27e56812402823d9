import BeaconChannelAPI
import BeaconCore
import Foundation

extension EmailComposer {
    /// A message Beacon writes to one person outside any digest (a sign-up confirmation): the
    /// digests' sender, reply address and languages, and no list headers, since it belongs to
    /// no list.
    func compose(_ message: OneOffMessage, at date: Date) -> Message {
        let languages = message.language.languages
        let domain = settings.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let headers: [(name: String, value: String)] = [
            ("Date", Self.rfc5322(date, calendar: calendar)),
            ("From", HeaderEncoding.mailbox(name: languages.map { settings.fromName.resolved(in: $0).text }.uniqued().joined(separator: " / "), address: settings.from)),
            ("Reply-To", HeaderEncoding.mailbox(name: nil, address: settings.replyTo)),
            ("To", HeaderEncoding.mailbox(name: message.name, address: message.email)),
            ("Subject", HeaderEncoding.text(message.subject)),
            ("Message-ID", "<beacon.\(Self.label(message.reference))@\(domain)>"),
            ("Content-Language", languages.map(\.rawValue).joined(separator: ", ")),
            ("Auto-Submitted", "auto-generated"),
        ]
        let mime = MIMEMessage(
            headers: headers, text: QuotedPrintable.encode(message.text), html: QuotedPrintable.encode(message.html),
            boundary: "beacon-\(Self.label(message.reference).suffix(24))")
        return Message(sender: settings.from, recipient: message.email, bytes: mime.bytes)
    }
}
