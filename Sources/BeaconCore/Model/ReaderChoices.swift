/// What a reader chose for themselves on the web (`beacon serve`), kept in the ledger on top of
/// what the fund team's files say; nil means "as the files say". The files still decide who may
/// receive what: a choice can narrow a reader's digests, never widen them.
public struct ReaderChoices: Sendable, Hashable {
    public var language: LanguagePreference?
    /// A frequency no more often than the digest's own.
    public var frequency: Frequency?
    public var interests: [ThemeID]?
    /// Channels among those the digest uses.
    public var channels: [ChannelName]?
    /// Nothing is sent before this date.
    public var pausedUntil: CivilDate?

    public init(
        language: LanguagePreference? = nil, frequency: Frequency? = nil, interests: [ThemeID]? = nil,
        channels: [ChannelName]? = nil, pausedUntil: CivilDate? = nil
    ) {
        self.language = language
        self.frequency = frequency
        self.interests = interests
        self.channels = channels
        self.pausedUntil = pausedUntil
    }

    /// Whether the reader chose nothing at all.
    public var isEmpty: Bool { self == ReaderChoices() }
}

extension Subscriber {
    /// The subscriber as their own choices make them; nil while they have paused on `date`.
    public func choosing(_ choices: ReaderChoices, on date: CivilDate) -> Subscriber? {
        if let pausedUntil = choices.pausedUntil, date < pausedUntil { return nil }
        return Subscriber(
            id: id, name: name, email: email, audience: audience, organisation: organisation,
            interests: choices.interests ?? interests, language: choices.language ?? language,
            channels: choices.channels ?? channels, frequency: choices.frequency ?? frequency,
            consentOn: consentOn, unsubscribedOn: unsubscribedOn)
    }
}

extension Configuration {
    /// The configuration with readers who signed up on the web and confirmed joining the files'
    /// subscribers, and every reader's own choices applied for `date`: what sending, previews
    /// and exports use.
    public func withReaders(joining signedUp: [Subscriber], choices: [SubscriberID: ReaderChoices], on date: CivilDate) -> Configuration {
        guard !signedUp.isEmpty || !choices.isEmpty else { return self }
        let listed = Set(subscribers.map(\.id))
        let everyone = subscribers + signedUp.filter { !listed.contains($0.id) }
        let chosen = everyone.compactMap { subscriber in choices[subscriber.id].map { subscriber.choosing($0, on: date) } ?? subscriber }
        return Configuration(settings: settings, register: register, audiences: audiences, subscribers: chosen, digests: digests)
    }
}
