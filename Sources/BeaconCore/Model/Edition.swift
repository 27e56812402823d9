/// A shared edition of a digest: one audience (or one sector of it, or one network) in one
/// language choice. It carries no personal data, so feeds and bulletins can publish it.
public struct Edition: Sendable, Hashable {
    public let audience: Audience
    public let sector: Sector?
    public let language: LanguagePreference

    public init(audience: Audience, sector: Sector?, language: LanguagePreference) {
        self.audience = audience
        self.sector = sector
        self.language = language
    }

    /// Stable and readable: `directors.health.cy`, `directors-of-finance-network.both`.
    public var key: String {
        [audience.id.rawValue, sector?.rawValue, language.rawValue].compactMap { $0 }.joined(separator: ".")
    }

    /// `Directors — Health`, in both languages.
    public var title: LocalizedText {
        guard let sector else { return audience.name }
        return LocalizedText(
            english: "\(audience.name.english) — \(sector.label.english)",
            welsh: audience.name.welsh.map { "\($0) — \(sector.label.welsh ?? sector.label.english)" })
    }
}

extension Configuration {
    /// The shared editions of `digest`: per network, per sector where the digest is split by
    /// sector (the sectors its readers are in), or per audience; each in Welsh, English and both.
    public func editions(of digest: DigestDefinition) -> [Edition] {
        digest.audiences.compactMap(audience).flatMap { audience -> [Edition] in
            let sectors: [Sector?] = audience.kind != .network && digest.split == .sector
                ? Set(subscribers.filter { $0.audience == audience.id }.map(\.organisation.sector)).sorted()
                : [nil]
            return sectors.flatMap { sector in
                LanguagePreference.allCases.map { Edition(audience: audience, sector: sector, language: $0) }
            }
        }
    }

    /// One bilingual edition per network the digest is written for.
    public func networkEditions(of digest: DigestDefinition) -> [Edition] {
        digest.audiences.compactMap(audience).filter { $0.kind == .network }.map { Edition(audience: $0, sector: nil, language: .both) }
    }
}
