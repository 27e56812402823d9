/// The part of the public sector an organisation belongs to. Readers learn most from
/// organisations like their own, so sector drives targeting and matchmaking.
public enum Sector: String, CaseIterable, Sendable, Hashable, Comparable {
    case health
    case localGovernment = "local-government"
    case furtherEducation = "further-education"
    case higherEducation = "higher-education"
    case fireAndRescue = "fire-and-rescue"
    case police
    case nationalPark = "national-park"
    case sponsoredBody = "sponsored-body"
    case centralGovernment = "central-government"

    public var label: LocalizedText {
        switch self {
        case .health: LocalizedText(english: "Health", welsh: "Iechyd")
        case .localGovernment: LocalizedText(english: "Local government", welsh: "Llywodraeth leol")
        case .furtherEducation: LocalizedText(english: "Further education", welsh: "Addysg bellach")
        case .higherEducation: LocalizedText(english: "Higher education", welsh: "Addysg uwch")
        case .fireAndRescue: LocalizedText(english: "Fire and rescue", welsh: "Tân ac achub")
        case .police: LocalizedText(english: "Police", welsh: "Plismona")
        case .nationalPark: LocalizedText(english: "National parks", welsh: "Parciau cenedlaethol")
        case .sponsoredBody: LocalizedText(english: "Sponsored bodies", welsh: "Cyrff a noddir")
        case .centralGovernment: LocalizedText(english: "Central government", welsh: "Llywodraeth ganolog")
        }
    }

    public static func < (lhs: Sector, rhs: Sector) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Region: String, CaseIterable, Sendable, Hashable {
    case northWales = "north-wales"
    case midWales = "mid-wales"
    case southWestWales = "south-west-wales"
    case southEastWales = "south-east-wales"
    case allWales = "all-wales"

    public var label: LocalizedText {
        switch self {
        case .northWales: LocalizedText(english: "North Wales", welsh: "Gogledd Cymru")
        case .midWales: LocalizedText(english: "Mid Wales", welsh: "Canolbarth Cymru")
        case .southWestWales: LocalizedText(english: "South West Wales", welsh: "De-orllewin Cymru")
        case .southEastWales: LocalizedText(english: "South East Wales", welsh: "De-ddwyrain Cymru")
        case .allWales: LocalizedText(english: "All Wales", welsh: "Cymru gyfan")
        }
    }
}

public enum OrganisationSize: String, CaseIterable, Sendable, Hashable {
    case small, medium, large
}
