/// A lesson learnt, including what went wrong and how it was overcome: the part case
/// studies usually leave out and other organisations most need.
public struct Lesson: Sendable, Hashable {
    public let id: LessonID
    public let project: ProjectID
    public let recordedOn: CivilDate
    public let worked: LocalizedText?
    public let wentWrong: LocalizedText?
    public let overcome: LocalizedText?
}
