public import BeaconCore

/// A channel that puts a signed unsubscribe token in what it sends (a link, a header) and can
/// check one that comes back: `beacon unsubscribe TOKEN` and the web service ask it.
public protocol UnsubscribeTokenVerifier: Channel {
    /// The reader and digest a genuine token names; nil for a forged, altered or cut token.
    func verifyUnsubscribeToken(_ token: String) throws(ChannelFailure) -> UnsubscribeRequest?
}

/// What a genuine unsubscribe token asks: that `reader` gets no more of `digest`.
public struct UnsubscribeRequest: Sendable, Hashable {
    public let reader: AddresseeID
    public let digest: DigestID

    public init(reader: AddresseeID, digest: DigestID) {
        self.reader = reader
        self.digest = digest
    }
}
