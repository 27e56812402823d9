/// The fields of a `message/delivery-status` part (RFC 3464): one group for the message,
/// then one per recipient, groups separated by blank lines. Servers that leave out the
/// message's group, or put its fields in a recipient's, are read too.
struct DeliveryStatusFields {
    let perMessage: MessageHeader
    let recipients: [ReportedRecipient]

    init(_ text: String) throws(SetAsideReason) {
        let groups = Self.groups(text).map { MessageHeader(parsing: $0) }
        let recipientGroups = groups.filter { group in
            ["Final-Recipient", "Original-Recipient", "Action", "Status"].contains { group[$0] != nil }
        }
        perMessage = MessageHeader(fields: groups.filter { $0["Reporting-MTA"] != nil || $0["Arrival-Date"] != nil }.flatMap(\.fields))
        guard !recipientGroups.isEmpty else {
            throw .malformedReport("its delivery status names no recipient")
        }
        recipients = recipientGroups.compactMap(Self.recipient)
        guard !recipients.isEmpty else {
            throw .malformedReport("no recipient in its delivery status has a Final-Recipient or Original-Recipient address")
        }
    }

    private static func recipient(_ group: MessageHeader) -> ReportedRecipient? {
        let final = TypedField.address(group["Final-Recipient"])
        let original = TypedField.address(group["Original-Recipient"])
        guard final != nil || original != nil else { return nil }
        let diagnostic = TypedField.value(group["Diagnostic-Code"])
        let status = group["Status"].flatMap { StatusCode($0.trimmingCharacters(in: .whitespaces)) } ?? diagnostic.flatMap(StatusText.firstCode)
        let action = group["Action"].flatMap(DeliveryAction.init(field:)) ?? status.map(Self.action)
        return ReportedRecipient(
            finalRecipient: final, originalRecipient: original, action: action, status: status, diagnostic: diagnostic,
            remoteMTA: TypedField.value(group["Remote-MTA"]), lastAttempt: group["Last-Attempt-Date"].flatMap(MailDate.parse))
    }

    /// The action a status implies, for a server that left `Action` out.
    private static func action(for status: StatusCode) -> DeliveryAction {
        switch status.class {
        case .permanentFailure: .failed
        case .persistentTransientFailure: .delayed
        case .success: .delivered
        }
    }

    /// Lines grouped between blank (or all-space) lines.
    private static func groups(_ text: String) -> [String] {
        var groups: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { groups.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { groups.append(current.joined(separator: "\n")) }
        return groups
    }
}
