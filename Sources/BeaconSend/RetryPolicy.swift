public import BeaconCore
public import Foundation

/// How long a deferred delivery waits before it is tried again, and when to give up. The wait
/// doubles each time, so a mail server that is down for a weekend is still caught.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, counting the first.
    public let attempts: Int
    public let firstDelay: TimeInterval
    public static let longestDelay: TimeInterval = 12 * 3600

    public static let spec = SettingsSectionSpec(name: "retries", keys: ["attempts", "first_delay_minutes"])
    public static let standard = RetryPolicy(attempts: 8, firstDelay: 15 * 60)

    public init(attempts: Int, firstDelay: TimeInterval) {
        self.attempts = attempts
        self.firstDelay = firstDelay
    }

    /// The `retries:` section of the settings, or the standard policy.
    public static func read(from settings: Settings) -> (policy: RetryPolicy, problems: [Diagnostic]) {
        let reader = SettingsSectionReader(settings.section(spec.name))
        let policy = RetryPolicy(
            attempts: reader.positiveInt("attempts") ?? standard.attempts,
            firstDelay: reader.positiveNumber("first_delay_minutes").map { $0 * 60 } ?? standard.firstDelay)
        return (policy, reader.problems)
    }

    /// The wait after the `attempt`th try was deferred (1 for the first), or nil to give up.
    public func delay(after attempt: Int) -> TimeInterval? {
        guard attempt < attempts else { return nil }
        return min(firstDelay * pow(2, Double(attempt - 1)), Self.longestDelay)
    }
}
