public import Foundation

/// The operator's settings, after environment overrides. Paths are absolute.
public struct Settings: Sendable {
    public let programme: LocalizedText
    public let fundTeam: FundTeam
    public let timeZone: TimeZone
    public let dataFolder: URL
    public let registerFolder: URL
    public let audiencesFile: URL
    public let subscriberFiles: [URL]
    public let digestsFile: URL
    public let templatesFolder: URL
    public let staleContactMonths: Int
    public let publicBaseURL: String?
    /// Channels' own sections, by section name, for each channel to read and check.
    public let sections: [String: SettingsSectionValues]

    /// `path` under the public base URL, if one is set: where published files will be served.
    public func publicURL(_ path: String) -> String? {
        publicBaseURL.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/" + path }
    }

    public func section(_ name: String) -> SettingsSectionValues {
        sections[name] ?? SettingsSectionValues(name: name, entries: [:], file: "settings")
    }
}

/// Who readers contact about the fund itself.
public struct FundTeam: Sendable {
    public let name: LocalizedText
    public let email: String
    public let phone: String?
}

/// Everything `beacon` reads, validated and cross-referenced.
public struct Configuration: Sendable {
    public let settings: Settings
    public let register: Register
    public let audiences: [Audience]
    public let subscribers: [Subscriber]
    public let digests: [DigestDefinition]

    public func audience(_ id: AudienceID) -> Audience? { audiences.first { $0.id == id } }
    public func digest(_ id: DigestID) -> DigestDefinition? { digests.first { $0.id == id } }
    public func subscriber(_ id: SubscriberID) -> Subscriber? { subscribers.first { $0.id == id } }

    /// Subscribers a digest is written for (whether or not they can be reached).
    public func subscribers(of digest: DigestDefinition) -> [Subscriber] {
        let audiences = Set(digest.audiences)
        return subscribers.filter { audiences.contains($0.audience) }
    }
}
