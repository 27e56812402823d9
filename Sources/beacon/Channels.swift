import BeaconBulletin
import BeaconChannelAPI
import BeaconCore
import BeaconEmail
import BeaconRSS
import BeaconJSONFeed
// new-channel: the plugin adds imports above this line.
import Foundation

/// The delivery channels this build of Beacon wires in: the one place that lists them.
/// Digest definitions name them by type name; `swift package new-channel` adds to this list.
enum Channels {
    static var modules: [any ChannelModule.Type] {
        [
            BulletinChannel.self,
            EmailChannel.self,
            RSSChannel.self,
            JSONFeedChannel.self,
            // new-channel: the plugin adds channels above this line.
        ]
    }

    /// The settings sections channels read, so `beacon check` knows their keys.
    static var settingsSections: [SettingsSectionSpec] { modules.compactMap { $0.settings } }

    static var available: Set<ChannelName> { Set(modules.map { $0.name }) }

    /// Every channel, configured, each keeping its state where `state` says; or every problem
    /// with their settings.
    static func make(
        _ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment,
        state: (ChannelName) -> any ChannelState
    ) -> (channels: [ChannelName: any Channel], problems: [Diagnostic]) {
        var channels: [ChannelName: any Channel] = [:]
        var problems: [Diagnostic] = []
        for module in modules {
            let (channel, found) = module.make(configuration, environment: environment, state: state(module.name))
            channels[module.name] = channel
            problems += found
        }
        return (problems.contains { $0.severity == .error } ? [:] : channels, problems)
    }
}
