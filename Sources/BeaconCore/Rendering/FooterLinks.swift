/// The links at the foot of one reader's copy (email): their own way out, and where the copy
/// can be read on the web. Nil leaves a line out.
struct FooterLinks: Sendable, Hashable {
    let unsubscribe: String?
    let webCopy: String?

    /// The links as marks, for a rendering readers share and each copy fills in.
    var marked: FooterLinks {
        FooterLinks(
            unsubscribe: unsubscribe.map { _ in String(PersonalisedRendering.linkMark) },
            webCopy: webCopy.map { _ in String(PersonalisedRendering.webCopyMark) })
    }
}
