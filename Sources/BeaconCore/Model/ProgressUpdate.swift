/// A dated report of a project's progress.
public struct ProgressUpdate: Sendable, Hashable {
    public let id: UpdateID
    public let project: ProjectID
    public let reportedOn: CivilDate
    public let milestone: LocalizedText
    public let rag: RAGStatus
    public let savingsToDate: Pence?
    public let nextSteps: LocalizedText?
}

public enum RAGStatus: String, CaseIterable, Sendable, Hashable {
    case red, amber, green

    public var label: LocalizedText {
        switch self {
        case .green: LocalizedText(english: "On track", welsh: "Ar y trywydd iawn")
        case .amber: LocalizedText(english: "Some concerns", welsh: "Rhai pryderon")
        case .red: LocalizedText(english: "At risk", welsh: "Mewn perygl")
        }
    }
}
