/// The channel cannot deliver anything: the operator must act before trying again.
public struct ChannelFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
