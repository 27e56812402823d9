import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// The `json-feed:` section of `beacon.yml`.
public struct JSONFeedSettings: Sendable {
    public static let spec = SettingsSectionSpec(name: "json-feed", keys: ["base_url", "history"])

    let baseURL: String
    /// Where `beacon serve` answers (`public_base_url`): each item's `url` is its archive page there.
    let publicURL: String?
    let history: Int
    let folder: URL
    /// Where versions before the ledger kept the feeds' items.
    let earlierState: URL
    let timeZone: TimeZone

    /// Feeds need a public address for `feed_url`; it is an error only when a digest uses them.
    public static func read(from configuration: Configuration) -> (settings: JSONFeedSettings?, problems: [Diagnostic]) {
        let settings = configuration.settings
        let reader = SettingsSectionReader(settings.section("json-feed"))
        let configured = reader.url("base_url") ?? settings.publicURL("feeds")
        let history = reader.positiveInt("history") ?? 50
        var problems = reader.problems
        if configured == nil, let first = configuration.digests.first(where: { $0.channels.contains(JSONFeedChannel.name) }) {
            problems.append(Diagnostic(
                location: SourceLocation(file: ConfigurationLoader.displayName(settings.digestsFile), field: "\(first.id).channels"),
                problem: .inconsistent("JSON feeds need a public address: set json-feed.base_url (or public_base_url) in the settings")))
        }
        guard !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        return (JSONFeedSettings(
            baseURL: (configured ?? "https://localhost/feeds").trimmingCharacters(in: CharacterSet(charactersIn: "/")),
            publicURL: settings.publicURL("").map { String($0.dropLast()) },
            history: history,
            folder: settings.dataFolder.appendingPathComponent("feeds"),
            earlierState: settings.dataFolder.appendingPathComponent("state/json-feed"),
            timeZone: settings.timeZone), problems)
    }
}
