import BeaconCore
import Hummingbird

extension Page {
    /// The page as an answer. Reader pages hold names and signed links: no cache or proxy keeps
    /// them, unless `caching` says otherwise (the public archive).
    func response(_ status: HTTPResponse.Status = .ok, settings: Settings, caching: String = "no-store") -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: caching],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html(for: settings))))
    }
}

/// The short pages that say something went wrong, naming nothing about any reader.
enum PlainPages {
    /// A forged, altered, cut or expired link, or a form from elsewhere.
    static let badLink = Page(
        title: Bilingual("Nid yw'r ddolen hon yn gweithio", "This link does not work"),
        body: heading(Bilingual("Nid yw'r ddolen hon yn gweithio", "This link does not work"))
            + Bilingual(
                "Efallai ei bod wedi'i thorri neu ei newid wrth ei chopïo. Agorwch y ddolen eto o'r e-bost, neu cysylltwch â ni.",
                "It may have been cut short or changed when it was copied. Open the link from the email again, or contact us.").paragraphs())

    /// A form posted from another site, or kept open too long.
    static let formRefused = Page(
        title: Bilingual("Ni allwn dderbyn y ffurflen hon", "We could not accept this form"),
        body: heading(Bilingual("Ni allwn dderbyn y ffurflen hon", "We could not accept this form"))
            + Bilingual(
                "Ni newidiwyd dim. Efallai fod y dudalen wedi bod ar agor yn rhy hir. Agorwch y ddolen o'r e-bost eto a rhowch gynnig arall arni.",
                "Nothing was changed. The page may have been open too long. Open the link from the email again and try again.").paragraphs())

    static let notFound = Page(
        title: Bilingual("Heb ddod o hyd i'r dudalen", "Page not found"),
        body: heading(Bilingual("Heb ddod o hyd i'r dudalen", "Page not found"))
            + Bilingual("Nid oes dim yma, neu nid yw yma mwyach.", "There is nothing here, or it is no longer here.").paragraphs())

    static let tooMany = Page(
        title: Bilingual("Gormod o geisiadau", "Too many requests"),
        body: heading(Bilingual("Gormod o geisiadau", "Too many requests"))
            + Bilingual("Arhoswch awr, yna rhowch gynnig arall arni.", "Please wait an hour, then try again.").paragraphs())

    static let unavailable = Page(
        title: Bilingual("Mae problem gyda'r gwasanaeth", "Sorry, there is a problem with the service"),
        body: heading(Bilingual("Mae problem gyda'r gwasanaeth", "Sorry, there is a problem with the service"))
            + Bilingual("Ni newidiwyd dim. Rhowch gynnig arall arni yn nes ymlaen.", "Nothing was changed. Please try again later.").paragraphs())

    static func heading(_ text: Bilingual) -> String {
        "<h1>\(text.inline)</h1>\n"
    }
}
