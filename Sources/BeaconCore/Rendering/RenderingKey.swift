/// Names a rendering that readers of the same issue share: the issue, the format, the
/// language and whether the page has an unsubscribe link.
struct RenderingKey: Hashable, Sendable {
    let issue: IssueKey
    let format: DigestFormat
    let language: LanguagePreference
    let withUnsubscribe: Bool
}

/// A shared rendering as one line encoding writes it.
struct EncodedRenderingKey: Hashable, Sendable {
    let rendering: RenderingKey
    /// The `LineEncoding` type.
    let encoding: ObjectIdentifier
}
