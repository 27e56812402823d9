/// Names everything that selects an issue: the digest, the window and the kind of reader.
/// Readers with the same key get the same issue, so its renderings are shared by it too.
struct IssueKey: Hashable, Sendable {
    let digest: DigestID
    let window: DateWindow
    let profile: SelectionProfile
}
