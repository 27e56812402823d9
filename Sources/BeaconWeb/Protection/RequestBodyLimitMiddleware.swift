import Hummingbird

/// Refuses a request body over `maximum` bytes with `413`, before any route reads it: the
/// service's forms are a few hundred bytes, and nothing else is uploaded. A body within the
/// limit is read here whole, so routes decode it from memory.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maximum: Int

    init(maximum: Int = 16 * 1024) {
        self.maximum = maximum
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > maximum { return tooLarge }
        guard declared != nil || request.headers[.transferEncoding] != nil else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maximum)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return tooLarge
        }
        return try await next(request, context)
    }

    private var tooLarge: Response {
        var response = Response.plain(.contentTooLarge, cy: "Mae'r cais yn rhy fawr.", en: "The request is too large.")
        // The rest of the body is never read, so the connection cannot carry another request.
        response.headers[.connection] = "close"
        return response
    }
}
