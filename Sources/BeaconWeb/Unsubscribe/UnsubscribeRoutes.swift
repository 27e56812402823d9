import BeaconLedger
import Hummingbird

/// `/u/TOKEN`. A mail client's one-click request (RFC 8058: a POST whose body is exactly
/// `List-Unsubscribe=One-Click`, with no cookie and no other step) unsubscribes at once; the
/// URL's signed token is its authority. A GET only shows the page, since mail scanners fetch
/// every link; the page's own form (with its form token) unsubscribes, and then offers undo.
struct UnsubscribeRoutes: Sendable {
    let context: WebContext

    static let oneClickBody = "List-Unsubscribe=One-Click"

    func add(to router: Router<WebRequestContext>) {
        router.get("u/:token") { request, route in try show(request, route) }
        router.post("u/:token") { request, route in try await answer(request, route) }
    }

    private func show(_ request: Request, _ route: WebRequestContext) throws -> Response {
        guard let linked = try LinkedReader.named(by: route.parameters.get("token") ?? "", in: context) else {
            return PlainPages.badLink.response(.badRequest, settings: context.settings)
        }
        guard let pages = pages(for: linked, path: request.uri.path) else {
            return UnsubscribePages.nothingToChange.response(settings: context.settings)
        }
        let page = try linked.isUnsubscribed(in: context.ledger) ? pages.unsubscribed() : pages.confirm()
        return page.response(settings: context.settings)
    }

    private func answer(_ request: Request, _ route: WebRequestContext) async throws -> Response {
        guard let linked = try LinkedReader.named(by: route.parameters.get("token") ?? "", in: context) else {
            return PlainPages.badLink.response(.badRequest, settings: context.settings)
        }
        let form = try await FormBody.read(request)
        if form.raw == Self.oneClickBody {
            try unsubscribe(linked, how: "one-click")
            return UnsubscribePages.oneClickDone.response(settings: context.settings)
        }
        guard context.formGuard.allows(form, to: request.uri.path, from: request) else {
            return PlainPages.formRefused.response(.forbidden, settings: context.settings)
        }
        guard let pages = pages(for: linked, path: request.uri.path) else {
            return UnsubscribePages.nothingToChange.response(settings: context.settings)
        }
        switch form["action"] {
        case "unsubscribe":
            try unsubscribe(linked, how: "web page")
            return pages.unsubscribed().response(settings: context.settings)
        case "undo":
            try linked.resubscribe(in: context.ledger, at: context.now())
            return pages.resubscribed().response(settings: context.settings)
        default:
            return PlainPages.formRefused.response(.badRequest, settings: context.settings)
        }
    }

    /// Counted only when it changes something: a repeated request is answered the same way.
    private func unsubscribe(_ linked: LinkedReader, how: String) throws(LedgerError) {
        guard try !linked.isUnsubscribed(in: context.ledger) else { return }
        try linked.unsubscribe(in: context.ledger, how: how, at: context.now())
        if linked.recipient != nil { WebMetrics.unsubscribed() }
    }

    private func pages(for linked: LinkedReader, path: String) -> UnsubscribePages? {
        guard let digest = linked.digest, let addressee = linked.recipient?.addressee else { return nil }
        let token = path.split(separator: "/").last.map(String.init) ?? ""
        let preferences: String? = if case .subscriber = linked.reader { "/p/\(token)" } else { nil }
        return UnsubscribePages(
            linked: linked, digest: digest, addressee: addressee, path: path, formGuard: context.formGuard, preferencesPath: preferences)
    }
}
