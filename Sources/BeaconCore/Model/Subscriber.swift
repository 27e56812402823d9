/// One reader.
public struct Subscriber: Sendable, Hashable {
    public let id: SubscriberID
    public let name: String
    public let email: String
    public let audience: AudienceID
    public let organisation: Organisation
    public let interests: [ThemeID]
    public let language: LanguagePreference
    /// Empty means every channel the digest uses.
    public let channels: [ChannelName]
    public let frequency: Frequency?
    public let consentOn: CivilDate?
    public let unsubscribedOn: CivilDate?

    public init(
        id: SubscriberID, name: String, email: String, audience: AudienceID, organisation: Organisation, interests: [ThemeID],
        language: LanguagePreference, channels: [ChannelName], frequency: Frequency?, consentOn: CivilDate?, unsubscribedOn: CivilDate?
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.audience = audience
        self.organisation = organisation
        self.interests = interests
        self.language = language
        self.channels = channels
        self.frequency = frequency
        self.consentOn = consentOn
        self.unsubscribedOn = unsubscribedOn
    }

    /// Whether anything may be sent to this reader at all.
    public var isReachable: Bool { consentOn != nil && unsubscribedOn == nil }
}
