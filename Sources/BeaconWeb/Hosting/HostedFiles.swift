import Foundation
import Hummingbird

/// Answers for the hosted folders from the cache of files read.
struct HostedFiles: Sendable {
    /// Feeds change when an issue is published, so clients check each time; the check costs a `304`.
    static let cacheControl = "public, no-cache"

    let dataFolder: String
    let cache = HostedFileCache()

    init(dataFolder: URL) {
        self.dataFolder = dataFolder.path
    }

    func answer(_ request: Request, context: some RequestContext, in folder: HostedFolder) throws -> Response {
        let parts = context.parameters.getCatchAll()
        switch HostedPath(parts, in: folder, endsWithSlash: request.uri.path.hasSuffix("/")) {
        case .file(let relativePath, let contentType)?:
            guard let file = try published(at: relativePath) else { throw HTTPError(.notFound) }
            return response(for: file, contentType: contentType, folder: folder, to: request)
        case .folder(let location, let index)?:
            guard try published(at: index) != nil else { throw HTTPError(.notFound) }
            return Response(status: .movedPermanently, headers: [.location: location])
        case nil:
            throw HTTPError(.notFound)
        }
    }

    /// The regular file at `relativePath`, reached through real folders only: a symbolic link
    /// anywhere below the data folder could lead out of it.
    private func published(at relativePath: String) throws -> HostedFile? {
        var path = dataFolder
        let parts = relativePath.split(separator: "/")
        for (position, part) in parts.enumerated() {
            path += "/" + part
            switch FileIdentity.kind(at: path) {
            case .folder where position < parts.count - 1: continue
            case .regularFile(let identity) where position == parts.count - 1: return try cache.file(at: path, identity: identity)
            default: return nil
            }
        }
        return nil
    }

    private func response(for file: HostedFile, contentType: String, folder: HostedFolder, to request: Request) -> Response {
        let (body, entityTag, encoding) = file.representation(gzip: AcceptEncoding.allowsGzip(request.headers))
        var headers: HTTPFields = [
            .eTag: entityTag,
            .lastModified: file.lastModified,
            .vary: "Accept-Encoding",
            .cacheControl: Self.cacheControl,
            // The length a 200 would carry: right for HEAD, and allowed in a 304.
            .contentLength: String(body.readableBytes),
        ]
        if ConditionalRequest.isNotModified(request.headers, file: file) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        if let encoding { headers[.contentEncoding] = encoding }
        if contentType.hasPrefix("text/html"), let policy = folder.pagePolicy { headers[.contentSecurityPolicy] = policy }
        return Response(status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }
}
