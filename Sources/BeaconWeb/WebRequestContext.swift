public import Hummingbird

/// What a route knows of one request besides the request: Hummingbird's own, and the address
/// the client connected from, for the sign-up form's limit per client (kept in memory only).
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connecting address, without its port; nil when there is none (tests in memory).
    let connectedFrom: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        connectedFrom = source.channel.remoteAddress?.ipAddress
    }
}
