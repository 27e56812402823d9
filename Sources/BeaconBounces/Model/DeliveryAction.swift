/// A DSN's `Action` for one recipient (RFC 3464 §2.3.3).
public enum DeliveryAction: String, Sendable {
    /// Given up: the message will not reach this recipient.
    case failed
    /// Not delivered yet; the reporting server is still trying.
    case delayed
    case delivered
    /// Passed to a system that sends no reports.
    case relayed
    /// Delivered to a list or alias, which passed it on.
    case expanded

    init?(field: String) {
        // Some servers add a comment: "failed (bad destination)".
        let word = field.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map { $0.lowercased() } ?? ""
        self.init(rawValue: word)
    }
}
