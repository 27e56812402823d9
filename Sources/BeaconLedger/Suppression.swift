public import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// A reader who asked for no more digests: from one digest, or from all of them. Lifting it
/// keeps the record, with when.
public struct Suppression: Sendable, Hashable {
    public let address: String
    /// The reader the request named (a token does), so a changed address still counts.
    public let reader: RecipientKey?
    /// Nil for every digest.
    public let digest: DigestID?
    public let recordedAt: Date
    /// `token` when the reader's own signed link asked, `operator` when the fund team did.
    public let how: String
    public let liftedAt: Date?

    public init(address: String, reader: RecipientKey?, digest: DigestID?, recordedAt: Date, how: String, liftedAt: Date?) {
        self.address = address
        self.reader = reader
        self.digest = digest
        self.recordedAt = recordedAt
        self.how = how
        self.liftedAt = liftedAt
    }
}

/// Who must get nothing more of one digest: by address (lower-cased) or by reader.
public struct Suppressed: Sendable {
    let addresses: Set<String>
    let readers: Set<RecipientKey>

    public init(addresses: Set<String>, readers: Set<RecipientKey>) {
        self.addresses = addresses
        self.readers = readers
    }

    public func contains(_ recipient: Recipient) -> Bool {
        (!recipient.email.isEmpty && addresses.contains(recipient.email.lowercased())) || readers.contains(recipient.key)
    }
}
