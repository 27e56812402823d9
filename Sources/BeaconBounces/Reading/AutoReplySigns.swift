import Foundation

/// Whether a message is an automatic reply (RFC 3834's `Auto-Submitted`, the older
/// `X-Autoreply` family, Exchange's and Gmail's out-of-office shapes), recognised only once
/// it is known not to be a bounce: bounces carry `Auto-Submitted` too.
enum AutoReplySigns {
    static func present(in header: MessageHeader, subject: String?) -> Bool {
        if let submitted = header["Auto-Submitted"], submitted.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces) != "no" {
            return true
        }
        if ["X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply"].contains(where: { header[$0] != nil }) { return true }
        if header["Precedence"]?.lowercased().contains("auto_reply") == true { return true }
        guard let subject = subject?.lowercased() else { return false }
        return subjectPhrases.contains { subject.hasPrefix($0) || subject.contains(" \($0)") }
    }

    /// Subjects of out-of-office replies, in English, Welsh and the languages readers'
    /// colleagues abroad write in.
    private static let subjectPhrases = [
        "automatic reply", "auto reply", "autoreply", "auto-reply", "auto:", "out of office", "out of the office", "ooo:",
        "ateb awtomatig", "allan o'r swyddfa", "allan o’r swyddfa", "absence du bureau", "réponse automatique",
        "abwesenheitsnotiz", "automatische antwort", "respuesta automática", "fuera de la oficina",
    ]
}
