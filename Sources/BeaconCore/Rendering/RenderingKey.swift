/// Names a page that readers of the same issue share, in whatever format: the issue, the
/// language and whether the page has an unsubscribe link.
struct PageKey: Hashable, Sendable {
    let issue: IssueKey
    let language: LanguagePreference
    let withUnsubscribe: Bool
    let withWebCopy: Bool
}

/// Names a shared page in one format.
struct RenderingKey: Hashable, Sendable {
    let page: PageKey
    let format: DigestFormat
}

/// A shared rendering as one line encoding writes it.
struct EncodedRenderingKey: Hashable, Sendable {
    let rendering: RenderingKey
    /// The `LineEncoding` type.
    let encoding: ObjectIdentifier
}
