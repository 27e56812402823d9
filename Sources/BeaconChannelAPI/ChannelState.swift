public import Foundation

/// What a channel keeps between runs, such as the items a feed has published. `beacon` keeps
/// it in the delivery ledger, beside the record of what was sent, so all of Beacon's state is
/// in one file; each channel sees only its own keys.
public protocol ChannelState: Sendable {
    /// The value saved under `key`, or nil if there is none.
    func load(_ key: String) throws -> Data?
    /// Saves `value` under `key`, replacing what was there, durably before it returns.
    func save(_ value: Data, as key: String) throws
    /// Every key saved, sorted.
    func keys() throws -> [String]
}

/// State that lasts as long as the process: for commands that deliver nothing (`check`,
/// `preview`) and for channels' own tests.
public final class MemoryChannelState: ChannelState, @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Data] = [:]

    public init() {}

    public func load(_ key: String) throws -> Data? { lock.withLock { values[key] } }

    public func save(_ value: Data, as key: String) throws { lock.withLock { values[key] = value } }

    public func keys() throws -> [String] { lock.withLock { values.keys.sorted() } }
}
