import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconReaderLinks
import Hummingbird

/// `/c/TOKEN`, the link in a sign-up's confirmation email. A GET shows the Confirm button only
/// (mail scanners open links); the POST confirms, and consent is recorded then, with the words
/// agreed to and where. An earlier "unsubscribe" of the same address from this digest is lifted:
/// asking again, and confirming, says they want it.
struct ConfirmSignUpRoutes: Sendable {
    let context: WebContext

    func add(to router: Router<WebRequestContext>) {
        router.get("c/:token") { request, route -> Response in
            try withSignUp(request, route) { signUp, pages in
                if let confirmed = confirmedPage(signUp, pages) { return confirmed }
                return pages.confirm(signUp)
            }
        }
        router.post("c/:token") { request, route -> Response in
            guard case .confirmSignUp? = ReaderLink.verify(route.parameters.get("token") ?? "", with: context.linkKeys) else {
                return PlainPages.badLink.response(.badRequest, settings: context.settings)
            }
            let posted = try await FormBody.read(request)
            guard context.formGuard.allows(posted, to: request.uri.path, from: request) else {
                return PlainPages.formRefused.response(.forbidden, settings: context.settings)
            }
            return try withSignUp(request, route) { signUp, pages in
                if let confirmed = confirmedPage(signUp, pages) { return confirmed }
                let now = context.now()
                _ = try context.ledger.removeExpiredSignUps(at: now)
                guard let confirmed = try context.ledger.confirmSignUp(id: signUp.id, wording: ConsentWording.id, source: ConsentWording.source, at: now) else {
                    return pages.expired()
                }
                _ = try context.ledger.unsuppress(confirmed.email, digest: confirmed.digest, at: now)
                WebMetrics.confirmedSignUp()
                return confirmedPage(confirmed, pages) ?? pages.expired()
            }
        }
    }

    /// The page for a sign-up already confirmed, with the link to the new reader's choices.
    private func confirmedPage(_ signUp: SignUp, _ pages: ConfirmSignUpPages) -> Page? {
        guard let subscriber = signUp.subscriber(in: context.settings.timeZone) else { return nil }
        let token = ReaderLink.unsubscribe(reader: .subscriber(subscriber.id), digest: signUp.digest).signed(with: context.linkKeys)
        return pages.confirmed(preferences: "/p/\(token)")
    }

    private func withSignUp(_ request: Request, _ route: WebRequestContext, _ body: (SignUp, ConfirmSignUpPages) throws -> Page) throws -> Response {
        guard case .confirmSignUp(let id)? = ReaderLink.verify(route.parameters.get("token") ?? "", with: context.linkKeys) else {
            return PlainPages.badLink.response(.badRequest, settings: context.settings)
        }
        guard let signUp = try context.ledger.signUp(id: id), let digest = context.configuration.digest(signUp.digest) else {
            return ConfirmSignUpPages.gone.response(settings: context.settings)
        }
        let pages = ConfirmSignUpPages(digest: digest, path: request.uri.path, formGuard: context.formGuard)
        guard signUp.confirmedAt != nil || context.now() < signUp.expiresAt else { return pages.expired().response(settings: context.settings) }
        return try body(signUp, pages).response(settings: context.settings)
    }
}
