import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconReaderLinks
import BeaconSend

/// One reader's copy of one issue, put together again as the send did: the issue's window from
/// the ledger, where the reader's own copy started (a reader who takes it less often gets more),
/// the reader as the files, sign-ups and their own choices make them (a pause aside: the copy
/// was sent), and the same footer links their email carried.
struct WebCopy {
    let context: WebContext

    /// The HTML of the digest without the page around it; nil when the digest, the issue or
    /// the reader is gone.
    func html(for reader: AddresseeID, of digestID: DigestID, on date: CivilDate) throws(LedgerError) -> (digest: DigestDefinition, html: String)? {
        guard let digest = context.configuration.digest(digestID), let issue = try context.ledger.issue(of: digestID, on: date),
              var recipient = try ReaderRoster.recipient(reader, in: context.configuration, ledger: context.ledger) else { return nil }
        let key = RecipientKey(reader.key)
        if case .subscriber(let subscriber) = recipient, var choices = try context.ledger.readerChoices()[key] {
            choices.pausedUntil = nil
            recipient = subscriber.choosing(choices, on: date).map(Recipient.subscriber) ?? recipient
        }
        let start = try context.ledger.deliveries(of: issue, to: key).first?.windowStart ?? issue.window.start
        let configuration = try ReaderRoster.configuration(context.configuration, ledger: context.ledger, on: date)
        guard let target = DeliveryPlanner(configuration: configuration, renderer: context.renderer).reader(for: recipient) else { return nil }
        let assembled = DigestAssembler(configuration: configuration).assemble(digest, for: target, covering: DateWindow(start: start, end: issue.window.end))
        let links = context.publicURL.map { base in
            (unsubscribe: "\(base)/u/\(ReaderLink.unsubscribe(reader: reader, digest: digestID).signed(with: context.linkKeys))",
             webCopy: "\(base)/w/\(ReaderLink.webCopy(reader: reader, digest: digestID, issueDate: date).signed(with: context.linkKeys))")
        }
        return (digest, context.renderer.renderFragment(assembled, unsubscribe: links?.unsubscribe, webCopy: links?.webCopy))
    }
}
