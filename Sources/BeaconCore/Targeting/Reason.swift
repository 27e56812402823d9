/// Why an item is in a reader's digest. Shown to the reader, so they can trust the selection
/// and see at once what is theirs, what is like theirs and what is proven.
public enum Reason: Hashable, Sendable {
    case yourOrganisation
    case sameSector(Sector)
    case crossSector(Sector)
    case sameRegion(Region)
    case similarOrganisation
    case sharedInterest([ThemeID])
    case networkSector(Sector)
    case networkTheme([ThemeID])
    case newlyEvaluated
    case independentlyEvaluated
    case internallyEvaluated
    case savingsAchieved(Pence)
    case atRisk
    case newlyApproved
    case similarToYours(title: LocalizedText)
    case similarElsewhere(organisation: String)
    case overdue(days: Int)
    case dueOn(CivilDate)
    case closed(NetworkAction.Status)
    case forYourSector
    case comingUp(CivilDate)
}
