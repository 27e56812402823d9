extension Subscriber {
    /// The same fields in YAML (`id`) and CSV (`subscriber_id`), since lists arrive both ways.
    static let yamlKeys: Set<String> = [
        "id", "name", "email", "audience", "organisation", "sector", "region", "organisation_size",
        "interests", "language", "channels", "frequency", "consent_on", "unsubscribed_on",
    ]
    static let columns = CSVTable.Columns(
        required: ["subscriber_id", "name", "email", "audience", "organisation", "sector", "region"],
        optional: ["organisation_size", "interests", "language", "channels", "frequency", "consent_on", "unsubscribed_on"])

    static func decode(
        _ reader: RecordReader, idField: String, ids: inout UniqueIDs<Subscriber>,
        audiences: Set<AudienceID>, themes: Set<ThemeID>
    ) -> Subscriber? {
        let id = ids.claim(idField, in: reader)
        let name = reader.string("name")
        let email = reader.email("email")
        let audience = reader.reference("audience", in: audiences, kind: "audience in audiences.yml")
        let organisation = Organisation.decode(reader, nameField: "organisation")
        let interests = reader.references("interests", in: themes, kind: "theme in themes.csv")
        let language: LanguagePreference? = reader.choice("language", default: .both)
        let channels = reader.items("channels", required: false).map(ChannelName.init)
        let frequency: Frequency? = reader.choice("frequency", required: false)
        let consentOn = reader.date("consent_on", required: false)
        let unsubscribedOn = reader.date("unsubscribed_on", required: false)
        if frequency == .perMeeting {
            reader.report(.inconsistent("per-meeting is a digest frequency; a reader may choose weekly, fortnightly, monthly or quarterly"), "frequency")
        }
        if consentOn == nil, unsubscribedOn == nil {
            reader.report(.noConsent, "consent_on")
        }
        guard let id, let name, let email, let audience, let organisation, let language else { return nil }
        return Subscriber(
            id: id, name: name, email: email, audience: audience, organisation: organisation,
            interests: interests, language: language, channels: channels, frequency: frequency,
            consentOn: consentOn, unsubscribedOn: unsubscribedOn)
    }
}
