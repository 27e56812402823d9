public import BeaconCore
/// What a channel module offers the `beacon` executable: its type name, the settings section
/// it reads (so `beacon check` knows its keys), and how to build it from the configuration.
/// The executable lists modules in one place, `Sources/beacon/Channels.swift`.
public protocol ChannelModule {
    /// The name digest definitions use in `channels:`.
    static var name: ChannelName { get }
    /// The channel's section of `beacon.yml`, or nil if it has none.
    static var settings: SettingsSectionSpec? { get }
    /// Reads and checks the channel's settings and builds it. Every problem is returned, each
    /// with its file, line and key; the channel is nil when any of them is an error. `state`
    /// is where the channel keeps anything it needs next run.
    static func make(
        _ configuration: Configuration, environment: [String: String], state: any ChannelState
    ) -> (channel: (any Channel)?, problems: [Diagnostic])
}
