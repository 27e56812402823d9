public import Hummingbird

/// `beacon serve`: the small web service readers answer back through. It listens on loopback
/// by default, behind a reverse proxy that holds the TLS certificate (`Deploy/`).
public struct WebService: Sendable {
    public let context: WebContext
    /// Where `/metrics` reads from; without it there is no `/metrics`.
    let metrics: ServiceMetrics?

    public init(context: WebContext, metrics: ServiceMetrics? = nil) {
        self.context = context
        self.metrics = metrics
    }

    /// The application, ready to run as a service beside others.
    public func application(host: String = "127.0.0.1", port: Int = 8080) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "beacon"))
    }

    /// Every route, behind the middleware every answer passes through.
    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        // Middleware reaches only the routes added after it, so it comes first, outermost first:
        // requests are counted with the status they finally got, refusals included.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(publicBaseURL: context.configuration.settings.publicBaseURL))
        router.add(middleware: RequestBodyLimitMiddleware())
        router.addHealthCheck(ledger: context.ledger)
        if let metrics { router.addMetrics(metrics) }
        router.addHostedFiles(dataFolder: context.configuration.settings.dataFolder)
        Stylesheet.add(to: router)
        UnsubscribeRoutes(context: context).add(to: router)
        PreferencesRoutes(context: context).add(to: router)
        SignUpRoutes(context: context).add(to: router)
        ConfirmSignUpRoutes(context: context).add(to: router)
        WebCopyRoutes(context: context).add(to: router)
        ArchiveRoutes(context: context).add(to: router)
        return router
    }
}
