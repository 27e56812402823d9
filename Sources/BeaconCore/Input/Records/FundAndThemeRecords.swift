extension Fund {
    static let columns = CSVTable.Columns(required: ["fund_id", "name_en"], optional: ["name_cy"])

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<Fund>) -> Fund? {
        let id = ids.claim("fund_id", in: reader)
        let name = reader.localized("name")
        guard let id, let name else { return nil }
        return Fund(id: id, name: name)
    }
}

extension Theme {
    static let columns = CSVTable.Columns(required: ["theme_id", "label_en"], optional: ["label_cy"])

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<Theme>) -> Theme? {
        let id = ids.claim("theme_id", in: reader)
        let label = reader.localized("label")
        guard let id, let label else { return nil }
        return Theme(id: id, label: label)
    }
}
