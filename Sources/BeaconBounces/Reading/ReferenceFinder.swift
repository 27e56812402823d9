/// Looks for the delivery's reference wherever a returned message may still carry Beacon's
/// envelope sender, most trustworthy place first, so a bounce names its delivery even when
/// a server mangled part of the report.
struct ReferenceFinder {
    let address: BounceAddress

    /// Header fields a receiving server adds with the address it delivered to.
    static let deliveryFields = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "X-Rcpt-To"]

    func find(
        envelopeRecipient: String?, report: MessageHeader, originalSenders: [String], text: [ArraySlice<UInt8>]
    ) -> VERPReference? {
        let candidates: [(VERPReference.Source, [String])] = [
            (.envelopeRecipient, envelopeRecipient.map { [$0] } ?? []),
            (.deliveryHeader, Self.deliveryFields.flatMap(report.values)),
            (.reportRecipient, report.values("To")),
            (.originalSender, originalSenders),
        ]
        for (source, values) in candidates {
            for value in values {
                if let reference = address.reference(in: value) { return VERPReference(value: reference, source: source) }
            }
        }
        for bytes in text {
            if let reference = address.reference(in: bytes) { return VERPReference(value: reference, source: .reportText) }
        }
        return nil
    }
}
