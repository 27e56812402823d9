import BeaconChannelAPI
import Dispatch

extension WebContext {
    /// The channel that sends the fund's one-off messages (email), if the service has one.
    var oneOffSender: (any OneOffMessageSender)? {
        channels.values.lazy.compactMap { $0 as? any OneOffMessageSender }.first
    }
}

extension OneOffMessageSender {
    /// Sends on a thread of its own: SMTP waits on the network, and the threads that answer
    /// requests must not.
    func sendInBackground(_ message: OneOffMessage) async throws -> DeliveryOutcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try self.send(message))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
