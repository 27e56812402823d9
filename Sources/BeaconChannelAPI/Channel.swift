public import BeaconCore

/// A way of delivering digests: email, a feed file, a bulletin. Each channel lives in its own
/// module and depends only on the core and this API; the `beacon` executable is the one place
/// that lists them. A digest definition names a channel by its `name`.
public protocol Channel: AnyObject, Sendable {
    var name: ChannelName { get }
    /// Whether the channel writes to each subscriber (email) or publishes an edition per
    /// audience, sector or network and language (feeds, bulletins).
    var reach: ChannelReach { get }
    /// Where deliveries go, for summaries: a server or a folder, never with credentials.
    var destination: String { get }

    /// Delivers each of `deliveries`, pulling them as it is ready (they are assembled lazily,
    /// so a large run is never all in memory), asking `log.mayHandOver` before handing each
    /// over and calling `log.record` once per delivery, in whatever order they complete, before
    /// handing over the next on the same connection. Throws only when the channel as a whole
    /// cannot work (a dead server); a problem with one recipient is that recipient's outcome.
    /// Deliveries not recorded when it throws stay pending in the ledger for the next run.
    func deliver(_ deliveries: some Sequence<Delivery>, log: any DeliveryLog) throws(ChannelFailure)
}

/// Who a channel writes to.
public enum ChannelReach: Sendable {
    /// Each subscriber, and each network's mailing list (email).
    case eachSubscriber
    /// Every audience (or sector) in Welsh, English and both.
    case eachEdition
    /// Every network the digest is for, in one bilingual edition: meeting bulletins.
    case eachNetwork
}
