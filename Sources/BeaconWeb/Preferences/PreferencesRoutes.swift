import BeaconChannelAPI
import BeaconCore
import Hummingbird

/// `/p/TOKEN`, from the same signed link as `/u/TOKEN`: a reader's own choices, kept in the
/// ledger on top of the fund team's files (`ReaderRoster` applies them to the next send).
/// Saving answers with a redirect to the page, so reloading it posts nothing again.
struct PreferencesRoutes: Sendable {
    let context: WebContext

    func add(to router: Router<WebRequestContext>) {
        router.get("p/:token") { request, route -> Response in
            try withReader(request, route) { page, form, choices in
                page.page(form.current(choices), saved: request.uri.queryParameters["saved"] != nil).response(settings: context.settings)
            }
        }
        router.post("p/:token") { request, route -> Response in
            let posted = try await FormBody.read(request)
            return try withReader(request, route) { page, form, _ in
                guard context.formGuard.allows(posted, to: request.uri.path, from: request) else {
                    return PlainPages.formRefused.response(.forbidden, settings: context.settings)
                }
                let values = form.values(posted: posted)
                switch form.choices(from: values) {
                case .failure(let problems):
                    return page.page(values, problems: problems.list).response(.badRequest, settings: context.settings)
                case .success(let choices):
                    try context.ledger.saveChoices(choices, for: RecipientKey(AddresseeID.subscriber(form.subscriber.id).key), at: context.now())
                    WebMetrics.changedPreferences()
                    return Response.redirect(to: request.uri.path + "?saved=1", type: .normal)
                }
            }
        }
    }

    /// Runs `body` for the subscriber the link names; a bad link, a list or a reader no longer
    /// in the files gets its own page.
    private func withReader(
        _ request: Request, _ route: WebRequestContext, _ body: (PreferencesPage, PreferencesForm, ReaderChoices) throws -> Response
    ) throws -> Response {
        let token = route.parameters.get("token") ?? ""
        guard let linked = try LinkedReader.named(by: token, in: context) else {
            return PlainPages.badLink.response(.badRequest, settings: context.settings)
        }
        guard let digest = linked.digest, case .subscriber(let subscriber)? = linked.recipient else {
            return Self.forListsOrGone(linked).response(settings: context.settings)
        }
        let form = PreferencesForm(subscriber: subscriber, digest: digest, themes: context.configuration.register.themes, today: context.today)
        let page = PreferencesPage(
            form: form, name: subscriber.name, address: subscriber.email, path: request.uri.path, unsubscribePath: "/u/\(token)",
            formGuard: context.formGuard)
        let choices = try context.ledger.readerChoices()[RecipientKey(linked.reader.key)] ?? ReaderChoices()
        return try body(page, form, choices)
    }

    /// A network's list takes the network's edition as it is; only unsubscribing applies.
    private static func forListsOrGone(_ linked: LinkedReader) -> Page {
        guard linked.digest != nil, case .mailingList? = linked.recipient else { return UnsubscribePages.nothingToChange }
        return Page(
            title: Bilingual("Dim dewisiadau ar gyfer rhestrau", "No choices for mailing lists"),
            body: PlainPages.heading(Bilingual("Dim dewisiadau ar gyfer rhestrau", "No choices for mailing lists"))
                + Bilingual(
                    "Mae rhestr bostio rhwydwaith yn cael rhifyn y rhwydwaith fel y mae. Gallwch ddad-danysgrifio'r rhestr o'r ddolen yn yr e-bost.",
                    "A network's mailing list gets the network's edition as it is. You can unsubscribe the list from the link in the email.").paragraphs())
    }
}
