import BeaconBulletin
import BeaconCore
import BeaconEmail
import BeaconRSS
import Foundation

/// The delivery channels this build of Beacon wires in. The executable is the only place
/// that knows them; digest definitions name them by these type names.
enum Channels {
    /// The settings sections channels read, so `beacon check` knows their keys.
    static let settingsSections = [EmailSettings.spec, RSSSettings.spec, BulletinSettings.spec]

    static let available: Set<ChannelName> = [EmailChannel.name, RSSChannel.name, BulletinChannel.name]

    /// Every channel, configured; or every problem with their settings.
    static func make(
        _ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (channels: [ChannelName: any Channel], problems: [Diagnostic]) {
        let (email, emailProblems) = EmailSettings.read(from: configuration, environment: environment)
        let (rss, rssProblems) = RSSSettings.read(from: configuration)
        let (bulletin, bulletinProblems) = BulletinSettings.read(from: configuration, environment: environment)
        let problems = emailProblems + rssProblems + bulletinProblems
        guard let email, let rss, let bulletin else { return ([:], problems) }
        return ([
            EmailChannel.name: EmailChannel(settings: email, timeZone: configuration.settings.timeZone),
            RSSChannel.name: RSSChannel(settings: rss),
            BulletinChannel.name: BulletinChannel(settings: bulletin),
        ], problems)
    }
}
