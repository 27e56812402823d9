import BeaconCore
import BeaconReaderLinks
import Hummingbird

/// `/w/TOKEN` (the email's `Archived-At` and footer link): exactly that reader's issue, as
/// their email showed it, inside the service's page.
struct WebCopyRoutes: Sendable {
    let context: WebContext

    func add(to router: Router<WebRequestContext>) {
        router.get("w/:token") { _, route -> Response in
            guard case .webCopy(let reader, let digest, let date)? = ReaderLink.verify(route.parameters.get("token") ?? "", with: context.linkKeys) else {
                return PlainPages.badLink.response(.badRequest, settings: context.settings)
            }
            guard let copy = try WebCopy(context: context).html(for: reader, of: digest, on: date) else {
                return PlainPages.notFound.response(.notFound, settings: context.settings)
            }
            return Page(title: Bilingual(copy.digest.title), body: "<article class=\"digest\">\n\(copy.html)\n</article>").response(settings: context.settings)
        }
    }
}
