import HTTPTypes
import Hummingbird

/// What every answer carries, whichever route made it or failed to: a policy that lets a page
/// run no script and be framed by no one, no sniffing of content types, no referrer leaving
/// with readers' signed links, no copy kept of anything personal, and HTTPS only once the
/// service is public over HTTPS. It turns errors into answers here, so they carry it too.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// Published for everyone, so they may be cached; everything else may be about a reader.
    static var publicPrefixes: [String] { ["/feeds/", "/bulletins/", "/assets/"] }

    /// Whether readers reach the service over HTTPS.
    let strictTransport: Bool

    /// For the service published at `publicBaseURL` (the settings' `public_base_url`).
    init(publicBaseURL: String?) {
        strictTransport = publicBaseURL?.lowercased().hasPrefix("https://") ?? false
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(String(reflecting: error))")
            response = .plain(.internalServerError, cy: "Aeth rhywbeth o'i le. Rhowch gynnig arall arni yn nes ymlaen.", en: "Something went wrong. Please try again later.")
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        let path = request.uri.path
        if !Self.publicPrefixes.contains(where: { path.hasPrefix($0) }) {
            response.headers[.cacheControl] = "no-store"
        }
        if strictTransport {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        return response
    }
}

extension HTTPField.Name {
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
}
