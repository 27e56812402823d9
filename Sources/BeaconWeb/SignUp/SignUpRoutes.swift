import BeaconChannelAPI
import BeaconCore
import BeaconLedger
import BeaconReaderLinks
import BeaconSend
import Foundation
import Hummingbird

/// `/subscribe/DIGEST` for digests that say `open_to_signup: true`: records an unconfirmed
/// sign-up and emails a link to confirm it (double opt-in). An address that already gets the
/// digest is emailed a note instead; the page answers the same either way. At most
/// `perAddress` sign-ups an hour for one address (counted in the ledger) and `perClient` from
/// one client (counted in memory), so the form cannot be used to flood someone's inbox.
struct SignUpRoutes: Sendable {
    let context: WebContext
    let clients: ClientRateLimiter

    static let perAddress = 3
    static let perClient = 10

    init(context: WebContext) {
        self.context = context
        clients = ClientRateLimiter(limit: Self.perClient, per: 3600)
    }

    func add(to router: Router<WebRequestContext>) {
        router.get("subscribe/:digest") { request, route -> Response in
            guard let pages = pages(request, route) else { return PlainPages.notFound.response(.notFound, settings: context.settings) }
            return pages.form(pages.form.blank).response(settings: context.settings)
        }
        router.post("subscribe/:digest") { request, route -> Response in
            let posted = try await FormBody.read(request)
            guard let pages = pages(request, route) else { return PlainPages.notFound.response(.notFound, settings: context.settings) }
            guard context.formGuard.allows(posted, to: request.uri.path, from: request) else {
                return PlainPages.formRefused.response(.forbidden, settings: context.settings)
            }
            let values = pages.form.values(posted: posted)
            let now = context.now()
            switch pages.form.signUp(from: values, id: RandomID.make(), at: now) {
            case .failure(let problems):
                return pages.form(values, problems: problems.list).response(.badRequest, settings: context.settings)
            case .success(let signUp):
                let forwarded = request.headers.first { $0.name.canonicalName == "x-forwarded-for" }?.value
                let client = ClientRateLimiter.client(connectedFrom: route.connectedFrom, forwardedFor: forwarded)
                guard clients.allows(client, at: now) else { return PlainPages.tooMany.response(.tooManyRequests, settings: context.settings) }
                return try await record(signUp, digest: pages.form.digest, at: now)
            }
        }
    }

    private func record(_ signUp: SignUp, digest: DigestDefinition, at now: Date) async throws -> Response {
        _ = try context.ledger.removeExpiredSignUps(at: now)
        guard try context.ledger.signUpCount(email: signUp.email, since: now.addingTimeInterval(-3600)) < Self.perAddress else {
            return SignUpPages.checkYourEmail.response(settings: context.settings)
        }
        guard let sender = context.oneOffSender, let publicURL = context.publicURL else {
            return PlainPages.unavailable.response(.serviceUnavailable, settings: context.settings)
        }
        // Recorded even for an address already subscribed: it is never confirmed, but it counts
        // towards the address's limit, and expires.
        try context.ledger.recordSignUp(signUp)
        let message: OneOffMessage
        if let existing = try subscriber(of: digest, at: signUp.email) {
            let token = ReaderLink.unsubscribe(reader: .subscriber(existing.id), digest: digest.id).signed(with: context.linkKeys)
            message = SignUpMessages.alreadySubscribed(signUp, digest: digest, preferences: "\(publicURL)/p/\(token)", reference: "sign-up-" + RandomID.make())
        } else {
            let token = ReaderLink.confirmSignUp(id: signUp.id).signed(with: context.linkKeys)
            message = SignUpMessages.confirmation(signUp, digest: digest, link: "\(publicURL)/c/\(token)", reference: "sign-up-" + RandomID.make())
        }
        // A server that refuses the address for good is answered like any other address.
        if case .deferred = try await sender.sendInBackground(message) {
            return PlainPages.unavailable.response(.serviceUnavailable, settings: context.settings)
        }
        WebMetrics.signedUp()
        return SignUpPages.checkYourEmail.response(settings: context.settings)
    }

    /// A reader of `digest` at `email` who gets it now (files or an earlier sign-up, not unsubscribed).
    private func subscriber(of digest: DigestDefinition, at email: String) throws(LedgerError) -> Subscriber? {
        let suppressed = try context.ledger.suppressed(for: digest.id)
        return try ReaderRoster.withSignUps(context.configuration, ledger: context.ledger).subscribers(of: digest).first {
            $0.email.lowercased() == email && $0.isReachable && !suppressed.contains(.subscriber($0))
        }
    }

    private func pages(_ request: Request, _ route: WebRequestContext) -> SignUpPages? {
        guard let id = route.parameters.get("digest"), let digest = context.configuration.digest(DigestID(id)), digest.openToSignup else { return nil }
        let form = SignUpForm(digest: digest, audiences: digest.audiences.compactMap(context.configuration.audience), themes: context.configuration.register.themes)
        return SignUpPages(form: form, path: request.uri.path, formGuard: context.formGuard)
    }
}
