import BeaconCore
import BeaconEmail
import Foundation

/// The delivery channels this build of Beacon wires in. The executable is the only place
/// that knows them; digest definitions name them by these type names.
enum Channels {
    /// The settings sections channels read, so `beacon check` knows their keys.
    static let settingsSections = [EmailSettings.spec]

    static let available: Set<ChannelName> = [EmailChannel.name]

    /// Every channel, configured; or every problem with their settings.
    static func make(
        _ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (channels: [ChannelName: any Channel], problems: [Diagnostic]) {
        let (email, problems) = EmailSettings.read(from: configuration, environment: environment)
        guard let email else { return ([:], problems) }
        return ([EmailChannel.name: EmailChannel(settings: email, timeZone: configuration.settings.timeZone)], problems)
    }
}
