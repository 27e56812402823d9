/// A folder of the data folder that `beacon serve` publishes, and the only files in it that
/// readers may fetch: those of the kinds its channels write.
struct HostedFolder: Sendable {
    /// Its name in the data folder and in addresses.
    let name: String
    /// Content types by file extension; a file of any other kind is not served.
    let contentTypes: [String: String]
    /// What a request for one of its folders (`/bulletins/<network>/`) is answered with.
    let index: String?
    /// The `Content-Security-Policy` of its HTML files, when the service's own does not fit them.
    let pagePolicy: String?

    /// RSS and JSON Feed files, one folder per digest, and the OPML list of them all.
    static let feeds = HostedFolder(
        name: "feeds",
        contentTypes: [
            "xml": "application/rss+xml; charset=utf-8",
            "json": "application/feed+json",
            "opml": "text/x-opml; charset=utf-8",
        ],
        index: nil, pagePolicy: nil)

    /// Network bulletins, one folder per network with the index of its past bulletins.
    static let bulletins = HostedFolder(
        name: "bulletins",
        contentTypes: [
            "html": "text/html; charset=utf-8",
            "md": "text/markdown; charset=utf-8",
            "txt": "text/plain; charset=utf-8",
        ],
        index: "index.html",
        // Self-contained printable pages: their own `<style>` and bar widths in `style`
        // attributes. They still run no script and load nothing.
        pagePolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
}
