import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// The `rss:` section of `beacon.yml`.
public struct RSSSettings: Sendable {
    public static let spec = SettingsSectionSpec(name: "rss", keys: ["base_url", "history"])

    /// Where the feeds folder is published, such as `https://www.gov.wales/invest-to-save/feeds`.
    let baseURL: String
    /// Where `beacon serve` answers (`public_base_url`): each item links to its archive page there.
    let publicURL: String?
    /// Issues each feed keeps.
    let history: Int
    let folder: URL
    /// Where versions before the ledger kept the feeds' items.
    let earlierState: URL
    let timeZone: TimeZone

    /// Reads the section. Feeds need a public address for their `atom:link`; it is an error
    /// only when a digest actually names the rss channel.
    public static func read(from configuration: Configuration) -> (settings: RSSSettings?, problems: [Diagnostic]) {
        let settings = configuration.settings
        let reader = SettingsSectionReader(settings.section("rss"))
        let configured = reader.url("base_url") ?? settings.publicURL("feeds")
        let history = reader.positiveInt("history") ?? 50
        var problems = reader.problems
        let used = configuration.digests.filter { $0.channels.contains(RSSChannel.name) }
        if configured == nil, let first = used.first {
            problems.append(Diagnostic(
                location: SourceLocation(file: ConfigurationLoader.displayName(settings.digestsFile), field: "\(first.id).channels"),
                problem: .inconsistent("feeds need a public address: set rss.base_url (or public_base_url) in the settings")))
        }
        guard !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        return (RSSSettings(
            baseURL: (configured ?? "https://localhost/feeds").trimmingCharacters(in: CharacterSet(charactersIn: "/")),
            publicURL: settings.publicURL("").map { String($0.dropLast()) },
            history: history,
            folder: settings.dataFolder.appendingPathComponent("feeds"),
            earlierState: settings.dataFolder.appendingPathComponent("state/feeds"),
            timeZone: settings.timeZone), problems)
    }
}
