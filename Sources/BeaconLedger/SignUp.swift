public import BeaconCore
public import Foundation

/// Someone who asked on the web to receive a digest. Nothing is sent to them until they follow
/// the link in the confirmation email (double opt-in); an unconfirmed sign-up expires.
public struct SignUp: Sendable, Hashable {
    /// Random and unguessable: the confirmation link carries it, signed.
    public let id: String
    public let digest: DigestID
    public let name: String
    public let email: String
    public let audience: AudienceID
    public let organisation: Organisation
    public let interests: [ThemeID]
    public let language: LanguagePreference
    public let requestedAt: Date
    public let expiresAt: Date
    /// Set when they confirmed: consent is recorded then, with the wording they agreed to and where.
    public let confirmedAt: Date?
    public let consentWording: String?
    public let consentSource: String?

    public init(
        id: String, digest: DigestID, name: String, email: String, audience: AudienceID, organisation: Organisation,
        interests: [ThemeID], language: LanguagePreference, requestedAt: Date, expiresAt: Date,
        confirmedAt: Date? = nil, consentWording: String? = nil, consentSource: String? = nil
    ) {
        self.id = id
        self.digest = digest
        self.name = name
        self.email = email
        self.audience = audience
        self.organisation = organisation
        self.interests = interests
        self.language = language
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.confirmedAt = confirmedAt
        self.consentWording = consentWording
        self.consentSource = consentSource
    }

    /// How unconfirmed sign-ups are kept.
    public static let lifetime: TimeInterval = 7 * 24 * 3600

    /// The reader a confirmed sign-up makes, consent dated in `timeZone`, with an id of its own
    /// (`web-` and the start of the sign-up's id); a reader in the files with the same id wins.
    public func subscriber(in timeZone: TimeZone) -> Subscriber? {
        guard let confirmedAt else { return nil }
        return Subscriber(
            id: SubscriberID("web-\(id.prefix(16))"), name: name, email: email, audience: audience, organisation: organisation,
            interests: interests, language: language, channels: [], frequency: nil,
            consentOn: CivilDate.today(in: timeZone, now: confirmedAt), unsubscribedOn: nil)
    }
}
