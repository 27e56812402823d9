/// Everything about a reader that selects and ranks items: readers alike in it get the same
/// issue, whatever their names, languages and addresses.
struct SelectionProfile: Hashable, Sendable {
    /// What ranking reads of the reader's organisation; its name as compared (`key`), since
    /// readers may write it differently.
    struct Own: Hashable, Sendable {
        let key: String
        let sector: Sector
        let region: Region
        let size: OrganisationSize?
    }

    let audience: AudienceID
    let organisation: Own?
    /// The sector of a shared edition split by sector.
    let sector: Sector?
    /// In id order.
    let interests: [ThemeID]

    init(_ reader: Reader) {
        audience = reader.audience.id
        organisation = reader.organisation.map { Own(key: $0.key, sector: $0.sector, region: $0.region, size: $0.size) }
        sector = reader.sector
        interests = reader.interests.sorted()
    }
}

extension SelectionProfile: Comparable {
    /// By audience, then organisation and the rest: any order that keeps alike readers together
    /// would do, and this one also keeps an organisation's readers together.
    static func < (a: SelectionProfile, b: SelectionProfile) -> Bool {
        if a.audience != b.audience { return a.audience < b.audience }
        if a.organisation != b.organisation {
            guard let first = a.organisation, let second = b.organisation else { return a.organisation == nil }
            return (first.key, first.sector.rawValue, first.region.rawValue, first.size?.rawValue ?? "")
                < (second.key, second.sector.rawValue, second.region.rawValue, second.size?.rawValue ?? "")
        }
        if a.sector != b.sector { return (a.sector?.rawValue ?? "") < (b.sector?.rawValue ?? "") }
        return a.interests.lexicographicallyPrecedes(b.interests)
    }
}
