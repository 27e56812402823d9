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

    /// Whether anything may be sent to this reader at all.
    public var isReachable: Bool { consentOn != nil && unsubscribedOn == nil }
}
