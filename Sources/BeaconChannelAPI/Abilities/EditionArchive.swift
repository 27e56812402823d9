public import BeaconCore

/// A channel that publishes shared editions (feeds, bulletins) and keeps what it published, so
/// the web service can give every edition of every issue a permanent page without reading the
/// channel's own files.
public protocol EditionArchive: Channel {
    /// Every edition of `digest` the channel has published and kept, newest first.
    func publishedEditions(of digest: DigestDefinition, in configuration: Configuration) throws(ChannelFailure) -> [PublishedEdition]
    /// What was published as `edition`: the digest's HTML without the page around it.
    func content(of edition: PublishedEdition) throws(ChannelFailure) -> String?
}

/// One edition of one issue as it was published.
public struct PublishedEdition: Sendable, Hashable {
    public let digest: DigestID
    /// `SafeName.of(edition)`: `directors.health.cy`.
    public let edition: String
    public let language: LanguagePreference
    public let issueDate: CivilDate

    public init(digest: DigestID, edition: String, language: LanguagePreference, issueDate: CivilDate) {
        self.digest = digest
        self.edition = edition
        self.language = language
        self.issueDate = issueDate
    }

    /// Where the web service shows it, under the public address: what feed items link to.
    public static func path(digest: DigestID, edition: Edition, issueDate: CivilDate) -> String {
        "archive/\(SafeName.of(digest))/\(SafeName.of(edition))/\(issueDate)"
    }

    public var path: String { "archive/\(SafeName.of(digest))/\(edition)/\(issueDate)" }
}
