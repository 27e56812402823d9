extension Audience {
    static let keys: Set<String> = ["id", "kind", "name.en", "name.cy", "sectors", "themes", "meetings", "list_address"]

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<Audience>, themes: Set<ThemeID>) -> Audience? {
        let id = ids.claim("id", in: reader)
        let kind: Kind? = reader.choice("kind")
        let name = reader.localized("name")
        let sectors: [Sector] = reader.choices("sectors")
        let networkThemes = reader.references("themes", in: themes, kind: "theme in themes.csv")
        let meetings = reader.items("meetings", required: false).compactMap { text in
            CivilDate(parsing: text) ?? { reader.report(.badDate(text), "meetings"); return nil }()
        }
        let listAddress = reader.email("list_address", required: false)
        if let kind, kind != .network {
            for field in ["sectors", "themes", "meetings", "list_address"] where reader.source.has(field) {
                reader.report(.inconsistent("\(field) is only used by audiences of kind network"), field)
            }
        }
        guard let id, let kind, let name else { return nil }
        return Audience(
            id: id, kind: kind, name: name, sectors: sectors, themes: networkThemes,
            meetings: meetings.sorted(), listAddress: listAddress)
    }
}
