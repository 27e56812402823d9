/// One reader's issue of a digest, selected, ranked and trimmed, ready to render.
public struct AssembledDigest: Sendable {
    public struct Section: Sendable {
        public let kind: DigestSection
        public let items: [DigestItem]
    }

    public let definition: DigestDefinition
    public let reader: Reader
    public let issueDate: CivilDate
    public let window: DateWindow
    public let sections: [Section]
    public let figures: FundFigures?
    /// Items that were relevant but did not fit the budget.
    public let omitted: Int
    /// Names everything that selected this issue (digest, window, the kind of reader): readers
    /// with the same key get the same issue, so renderings can be shared by it too.
    let sharingKey: IssueKey

    /// The same issue for another reader alike in everything that selected it.
    func addressed(to reader: Reader) -> AssembledDigest {
        AssembledDigest(
            definition: definition, reader: reader, issueDate: issueDate, window: window, sections: sections,
            figures: figures, omitted: omitted, sharingKey: sharingKey)
    }

    /// Nothing new for this reader; fund figures alone do not make an issue worth sending.
    public var isEmpty: Bool { sections.allSatisfy(\.items.isEmpty) }
}
