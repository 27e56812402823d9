/// A project the fund has paid for. Shared, not copied: a reader's issue of a large register
/// handles thousands of references to projects, and copying every field of each dominated
/// the time.
public final class Project: Sendable, Hashable {
    public let id: ProjectID
    public let fund: FundID
    public let title: LocalizedText
    public let summary: LocalizedText?
    public let organisation: Organisation
    public let themes: [ThemeID]
    public let investment: Pence
    public let projectedSavings: Pence
    /// Nil until the project reports savings; zero means it reported none.
    public let achievedSavings: Pence?
    public let status: ProjectStatus
    public let approvedOn: CivilDate
    public let completedOn: CivilDate?
    public let evaluation: Evaluation
    public let contact: Contact
    public let link: String?

    init(
        id: ProjectID, fund: FundID, title: LocalizedText, summary: LocalizedText?, organisation: Organisation,
        themes: [ThemeID], investment: Pence, projectedSavings: Pence, achievedSavings: Pence?, status: ProjectStatus,
        approvedOn: CivilDate, completedOn: CivilDate?, evaluation: Evaluation, contact: Contact, link: String?
    ) {
        self.id = id
        self.fund = fund
        self.title = title
        self.summary = summary
        self.organisation = organisation
        self.themes = themes
        self.investment = investment
        self.projectedSavings = projectedSavings
        self.achievedSavings = achievedSavings
        self.status = status
        self.approvedOn = approvedOn
        self.completedOn = completedOn
        self.evaluation = evaluation
        self.contact = contact
        self.link = link
    }

    /// Equal when every field is: two records that differ are different projects, whatever their ids.
    public static func == (lhs: Project, rhs: Project) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.fund == rhs.fund && lhs.title == rhs.title && lhs.summary == rhs.summary
            && lhs.organisation == rhs.organisation && lhs.themes == rhs.themes && lhs.investment == rhs.investment
            && lhs.projectedSavings == rhs.projectedSavings && lhs.achievedSavings == rhs.achievedSavings
            && lhs.status == rhs.status && lhs.approvedOn == rhs.approvedOn && lhs.completedOn == rhs.completedOn
            && lhs.evaluation == rhs.evaluation && lhs.contact == rhs.contact && lhs.link == rhs.link)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }
}

/// Who did the work: what a reader compares with their own organisation.
public struct Organisation: Sendable, Hashable {
    public let name: String
    public let sector: Sector
    public let region: Region
    public let size: OrganisationSize?
    /// The name compared the way people write it: case and spacing do not matter. Worked out
    /// once, since every reader's issue compares it with thousands of projects'.
    public let key: String

    public init(name: String, sector: Sector, region: Region, size: OrganisationSize?) {
        self.name = name
        self.sector = sector
        self.region = region
        self.size = size
        key = Self.key(name)
    }

    /// Lower case, with single spaces between words. On bytes for an ASCII name, as most are:
    /// every subscriber's organisation is keyed as the register loads.
    private static func key(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        for word in name.utf8.split(whereSeparator: isSpace) {
            if !key.isEmpty { key.append(0x20) }
            key += word.lazy.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

public enum ProjectStatus: String, CaseIterable, Sendable, Hashable {
    case approved
    case inProgress = "in-progress"
    case completed
    case repaying
    case repaid
    case withdrawn
}

/// How a project's results were checked. Independent evaluation is what makes practice worth copying.
public struct Evaluation: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case none, `internal`, independent
    }

    public let kind: Kind
    public let publishedOn: CivilDate?
    public let summary: LocalizedText?

    public static let none = Evaluation(kind: .none, publishedOn: nil, summary: nil)
}

/// The champion a reader can call. People move on, so the date it was last confirmed is kept.
public struct Contact: Sendable, Hashable {
    public let name: String
    public let role: String?
    public let email: String
    public let phone: String?
    public let confirmedOn: CivilDate
}
