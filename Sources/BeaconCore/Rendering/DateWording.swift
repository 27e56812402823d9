/// Dates as readers write them: `1 December 2026`, `1 Rhagfyr 2026`.
public enum DateWording {
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let welshMonths = [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
        "Tachwedd", "Rhagfyr",
    ]

    public static func date(_ date: CivilDate, in language: Language) -> String {
        "\(date.day) \(monthYear(date, in: language))"
    }

    public static func monthYear(_ date: CivilDate, in language: Language) -> String {
        "\((language == .welsh ? welshMonths : englishMonths)[date.month - 1]) \(date.year)"
    }
}
