/// A group of readers a digest is written for.
public struct Audience: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case financePortfolioHolder = "finance-portfolio-holder"
        case director
        case network
    }

    public let id: AudienceID
    public let kind: Kind
    public let name: LocalizedText
    /// For networks: the sectors and themes the network cares about and when it meets.
    public let sectors: [Sector]
    public let themes: [ThemeID]
    public let meetings: [CivilDate]
    public let listAddress: String?
}
