public import Foundation

/// A channel whose deliveries are messages it can show byte for byte as it would send them:
/// `beacon preview --format eml` asks for one.
public protocol ExactMessagePreview: Channel {
    /// The message `delivery` would be sent as; a channel failure when it cannot make one (a
    /// shared edition for a channel that writes to people).
    func exactMessage(for delivery: Delivery) throws(ChannelFailure) -> Data
}
