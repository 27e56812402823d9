import BeaconChannelAPI
import BeaconCore

/// The preferences form of one reader for one digest: what it offers, what the reader has now,
/// and what they posted, checked. Only what differs from the fund team's files is saved as
/// their choice, so a later change to the files still reaches them where they chose nothing.
struct PreferencesForm: Sendable {
    let subscriber: Subscriber
    let digest: DigestDefinition
    let themes: [Theme]
    let today: CivilDate

    /// The values on the form.
    struct Values: Sendable {
        var language: String
        var frequency: String
        var interests: Set<String>
        var channels: Set<String>
        var pausedUntil: String
    }

    /// Frequencies a reader may take: the digest's own or less often. A meeting bulletin comes
    /// with each meeting, so it offers none.
    var frequencies: [Frequency] {
        guard digest.frequency != .perMeeting else { return [] }
        let order: [Frequency] = [.weekly, .fortnightly, .monthly, .quarterly]
        return Array(order.drop { $0 != digest.frequency })
    }

    /// Channels the reader may choose among: those the digest uses, when it uses more than one.
    var channels: [ChannelName] { digest.channels.count > 1 ? digest.channels : [] }

    /// What the files say, as the form shows it.
    private var fromFiles: Values {
        Values(
            language: subscriber.language.rawValue,
            frequency: (subscriber.frequency ?? digest.frequency).rawValue,
            interests: Set(subscriber.interests.map(\.rawValue)),
            channels: Set((subscriber.channels.isEmpty ? digest.channels : subscriber.channels.filter(digest.channels.contains)).map(\.rawValue)),
            pausedUntil: "")
    }

    /// What the reader has now: the files, with their own choices on top.
    func current(_ choices: ReaderChoices) -> Values {
        var values = fromFiles
        if let language = choices.language { values.language = language.rawValue }
        if let frequency = choices.frequency { values.frequency = frequency.rawValue }
        if let interests = choices.interests { values.interests = Set(interests.map(\.rawValue)) }
        if let channels = choices.channels { values.channels = Set(channels.map(\.rawValue)) }
        if let paused = choices.pausedUntil, today < paused { values.pausedUntil = paused.description }
        return values
    }

    func values(posted form: FormBody) -> Values {
        Values(
            language: form["language"] ?? "", frequency: form["frequency"] ?? fromFiles.frequency,
            interests: Set(form.all("interests")), channels: channels.isEmpty ? fromFiles.channels : Set(form.all("channels")),
            pausedUntil: (form["paused_until"] ?? "").trimmingCharacters(in: .whitespaces))
    }

    /// The reader's choices, or the problems to show with the form.
    func choices(from values: Values) -> Result<ReaderChoices, FormProblems> {
        var problems: [FormFields.Problem] = []
        let language = LanguagePreference(rawValue: values.language)
        if language == nil { problems.append(.init(field: "language", message: Bilingual("Dewiswch iaith", "Choose a language"))) }
        let frequency = Frequency(rawValue: values.frequency).flatMap { frequencies.isEmpty || frequencies.contains($0) ? $0 : nil }
        if frequency == nil, !frequencies.isEmpty {
            problems.append(.init(field: "frequency", message: Bilingual("Dewiswch pa mor aml", "Choose how often")))
        }
        let known = Set(themes.map(\.id.rawValue))
        if !values.interests.isSubset(of: known) {
            problems.append(.init(field: "interests", message: Bilingual("Dewiswch o'r pynciau a restrir", "Choose from the topics listed")))
        }
        let channelNames = Set(digest.channels.map(\.rawValue))
        if values.channels.isEmpty || !values.channels.isSubset(of: channelNames) {
            problems.append(.init(field: "channels", message: Bilingual(
                "Dewiswch o leiaf un ffordd o gael y crynodeb, neu dad-danysgrifiwch", "Choose at least one way to get the digest, or unsubscribe")))
        }
        var paused: CivilDate?
        if !values.pausedUntil.isEmpty {
            paused = CivilDate(parsing: values.pausedUntil)
            if let date = paused, date <= today || date > today.adding(months: 12) {
                problems.append(.init(field: "paused_until", message: Bilingual(
                    "Rhowch ddyddiad ar ôl heddiw ac o fewn blwyddyn", "Enter a date after today and within a year")))
            } else if paused == nil {
                problems.append(.init(field: "paused_until", message: Bilingual(
                    "Rhowch ddyddiad go iawn, er enghraifft 2027-03-31", "Enter a real date, for example 2027-03-31")))
            }
        }
        guard problems.isEmpty, let language else { return .failure(FormProblems(list: problems)) }
        let files = fromFiles
        let themeOrder = themes.map(\.id).filter { values.interests.contains($0.rawValue) }
        return .success(ReaderChoices(
            language: language.rawValue == files.language ? nil : language,
            frequency: frequency.flatMap { $0.rawValue == files.frequency ? nil : $0 },
            interests: values.interests == files.interests ? nil : themeOrder,
            channels: values.channels == files.channels ? nil : digest.channels.filter { values.channels.contains($0.rawValue) },
            pausedUntil: paused))
    }
}
