import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconReaderLinks
import BeaconSend
import Foundation

/// The reader and digest an unsubscribe link (`/u/TOKEN`, `/p/TOKEN`) names, as the files and
/// the ledger have them now.
struct LinkedReader: Sendable {
    let reader: AddresseeID
    let digestID: DigestID
    /// Nil when the digest is no longer defined.
    let digest: DigestDefinition?
    /// Nil when the files no longer hold the reader (nor a confirmed sign-up).
    let recipient: Recipient?

    /// Nil for a token this service did not sign, or one changed or cut.
    static func named(by token: String, in context: WebContext) throws(LedgerError) -> LinkedReader? {
        guard case .unsubscribe(let reader, let digest)? = ReaderLink.verify(token, with: context.linkKeys) else { return nil }
        return LinkedReader(
            reader: reader, digestID: digest, digest: context.configuration.digest(digest),
            recipient: try ReaderRoster.recipient(reader, in: context.configuration, ledger: context.ledger))
    }

    /// Whether they have asked for no more of this digest (or of anything).
    func isUnsubscribed(in ledger: any DeliveryLedger) throws(LedgerError) -> Bool {
        guard let recipient else { return false }
        return try ledger.suppressed(for: digestID).contains(recipient)
    }

    /// Records that they want no more of this digest, as `beacon unsubscribe TOKEN` does.
    func unsubscribe(in ledger: any DeliveryLedger, how: String, at now: Date) throws(LedgerError) {
        guard let recipient else { return }
        try ledger.suppress(recipient.email, reader: RecipientKey(reader.key), digest: digestID, how: how, at: now)
    }

    func resubscribe(in ledger: any DeliveryLedger, at now: Date) throws(LedgerError) {
        guard let recipient else { return }
        _ = try ledger.unsuppress(recipient.email, digest: digestID, at: now)
    }
}
