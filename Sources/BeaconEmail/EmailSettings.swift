import BeaconChannelAPI
public import BeaconCore
public import BeaconReaderLinks
public import Foundation

/// The `email:` section of `beacon.yml`, with secrets from the environment. Passwords and the
/// unsubscribe key are never read from the settings file and never printed.
public struct EmailSettings: Sendable {
    public static let spec = SettingsSectionSpec(
        name: "email",
        keys: [
            "from", "from_name.en", "from_name.cy", "reply_to", "unsubscribe_address", "max_message_bytes",
            "smtp.url", "smtp.username", "smtp.ca_file", "smtp.require_tls", "smtp.connections",
            "smtp.rate", "smtp.connect_timeout", "smtp.timeout", "smtp.attempts", "smtp.retry_delay",
        ],
        environmentNames: [
            "smtp.url": "BEACON_SMTP_URL", "smtp.username": "BEACON_SMTP_USERNAME",
            "smtp.ca_file": "BEACON_SMTP_CA_FILE", "smtp.require_tls": "BEACON_SMTP_REQUIRE_TLS",
            "smtp.connections": "BEACON_SMTP_CONNECTIONS", "smtp.rate": "BEACON_SMTP_RATE",
            "smtp.connect_timeout": "BEACON_SMTP_CONNECT_TIMEOUT", "smtp.timeout": "BEACON_SMTP_TIMEOUT",
            "smtp.attempts": "BEACON_SMTP_ATTEMPTS", "smtp.retry_delay": "BEACON_SMTP_RETRY_DELAY",
        ],
        secretVariables: [
            "BEACON_SMTP_PASSWORD", "BEACON_SMTP_PASSWORD_FILE",
        ] + LinkKeys.secretVariables)

    public let from: String
    public let fromName: LocalizedText
    public let replyTo: String
    public let unsubscribeAddress: String
    /// Where `beacon serve` answers readers (`…/u/TOKEN`, `…/w/TOKEN`), when the settings give
    /// a public address; without one, messages carry only the mailto way to unsubscribe.
    public let publicURL: String?
    public let outbox: URL
    /// Nil: no server is configured and messages go to the file outbox.
    public let smtp: SMTPSettings?
    /// A larger message is not sent but recorded as failed: no real digest comes near it.
    public let maxMessageBytes: Int
    /// Where the keys that sign readers' links come from (the kept one is made on first send).
    let linkKeys: LinkKeys.Source

    /// Reads and checks the section; `problems` lists everything wrong, with file, line and key.
    public static func read(
        from configuration: Configuration, environment: [String: String]
    ) -> (settings: EmailSettings?, problems: [Diagnostic]) {
        let settings = configuration.settings
        let reader = SettingsSectionReader(settings.section("email"))
        let from = reader.email("from") ?? settings.fundTeam.email
        let fromName = reader.string("from_name.en").map { LocalizedText(english: $0, welsh: reader.string("from_name.cy")) }
            ?? settings.fundTeam.name
        let replyTo = reader.email("reply_to") ?? settings.fundTeam.email
        let unsubscribeAddress = reader.email("unsubscribe_address") ?? replyTo
        let smtp = SMTPSettings.read(reader, environment: environment)
        let maxMessageBytes = reader.positiveInt("max_message_bytes") ?? 2_000_000
        var problems = reader.problems
        let (linkKeys, keyProblems) = LinkKeys.Source.read(environment: environment, dataFolder: settings.dataFolder)
        problems += keyProblems
        guard let linkKeys, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        return (EmailSettings(
            from: from, fromName: fromName, replyTo: replyTo, unsubscribeAddress: unsubscribeAddress,
            publicURL: settings.publicURL("").map { String($0.dropLast()) }, outbox: settings.dataFolder.appendingPathComponent("outbox"),
            smtp: smtp, maxMessageBytes: maxMessageBytes, linkKeys: linkKeys), problems)
    }
}
