/// Keeps one copy of each value that many records repeat, so they share its storage: 100,000
/// subscribers name a few dozen organisations, audiences and sets of interests, and a copy of
/// each per subscriber was a third of the memory the subscriber list took.
struct Interner<Value: Hashable> {
    private var values = Set<Value>()

    mutating func callAsFunction(_ value: Value) -> Value {
        values.insert(value).memberAfterInsert
    }
}

extension Subscriber {
    /// Interners for the values subscribers share.
    struct SharedValues {
        var organisations = Interner<Organisation>()
        var audiences = Interner<AudienceID>()
        var interests = Interner<[ThemeID]>()
        var channels = Interner<[ChannelName]>()
    }

    /// The same subscriber, holding the values it shares with others only once among them.
    func sharing(_ shared: inout SharedValues) -> Subscriber {
        Subscriber(
            id: id, name: name, email: email, audience: shared.audiences(audience), organisation: shared.organisations(organisation),
            interests: shared.interests(interests), language: language, channels: shared.channels(channels), frequency: frequency,
            consentOn: consentOn, unsubscribedOn: unsubscribedOn)
    }
}
