/// An action agreed at a network meeting. Follow-up between meetings is what networks lack.
public struct NetworkAction: Sendable, Hashable {
    public enum Status: String, CaseIterable, Sendable, Hashable {
        case open, done, dropped
    }

    public let id: ActionID
    public let network: AudienceID
    public let action: LocalizedText
    public let owner: String
    public let raisedOn: CivilDate
    public let dueOn: CivilDate
    public let status: Status
    public let closedOn: CivilDate?
    public let project: ProjectID?

    public func isOverdue(on date: CivilDate) -> Bool { status == .open && dueOn < date }
}
