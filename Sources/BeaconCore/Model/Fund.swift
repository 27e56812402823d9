/// A funding programme: the fund itself and its sister programmes, so learning crosses silos.
public struct Fund: Sendable, Hashable {
    public let id: FundID
    public let name: LocalizedText
}

/// A theme projects share (`patient-records`, `energy-efficiency`); the basis of matchmaking.
public struct Theme: Sendable, Hashable {
    public let id: ThemeID
    public let label: LocalizedText
}
