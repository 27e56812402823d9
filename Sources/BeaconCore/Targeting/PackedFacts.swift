/// `RelevanceFacts` in thirteen bits: few enough combinations for the ranking table to be
/// worked out for each of them once, and a candidate's facts cheap to put together.
struct PackedFacts {
    private(set) var bits: UInt16

    enum Flag: UInt16 {
        case readerHasOrganisation = 0x1
        case readerIsNetwork = 0x2
        case ownOrganisation = 0x4
        case sameSector = 0x8
        case sameSize = 0x10
        case sameRegion = 0x20
        case editionSector = 0x40
        case networkSector = 0x80
        case savingsAchieved = 0x100
    }

    /// Two bits each: shared themes (0 to 3) and the evaluation's kind.
    private static let sharedThemesShift: UInt16 = 9
    private static let evaluationShift: UInt16 = 11

    /// Every combination, in order of `bits`.
    static var all: [PackedFacts] { (0..<(1 << 13)).map { PackedFacts(bits: UInt16($0)) } }

    init(bits: UInt16) {
        self.bits = bits
    }

    init(readerHasOrganisation: Bool, readerIsNetwork: Bool) {
        bits = 0
        insert(.readerHasOrganisation, if: readerHasOrganisation)
        insert(.readerIsNetwork, if: readerIsNetwork)
    }

    /// The facts of the project alone.
    init(project: Project) {
        bits = UInt16(Evaluation.Kind.allCases.firstIndex(of: project.evaluation.kind)!) << Self.evaluationShift
        insert(.savingsAchieved, if: (project.achievedSavings ?? .zero) > .zero)
    }

    mutating func insert(_ flag: Flag, if condition: Bool) {
        if condition { bits |= flag.rawValue }
    }

    mutating func insertSharedThemes(_ count: Int) {
        bits |= UInt16(min(count, RelevanceFacts.maximumSharedThemes)) << Self.sharedThemesShift
    }

    var facts: RelevanceFacts {
        let has = { (flag: Flag) in bits & flag.rawValue != 0 }
        let evaluation = Int(bits >> Self.evaluationShift & 3)
        return RelevanceFacts(
            readerHasOrganisation: has(.readerHasOrganisation), readerIsNetwork: has(.readerIsNetwork),
            ownOrganisation: has(.ownOrganisation), sameSector: has(.sameSector), sameSize: has(.sameSize),
            sameRegion: has(.sameRegion), editionSector: has(.editionSector), networkSector: has(.networkSector),
            sharedThemes: Int(bits >> Self.sharedThemesShift & 3),
            evaluation: evaluation < Evaluation.Kind.allCases.count ? Evaluation.Kind.allCases[evaluation] : .none,
            savingsAchieved: has(.savingsAchieved))
    }
}
