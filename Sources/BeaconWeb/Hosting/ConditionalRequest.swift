import Foundation
import Hummingbird

/// Whether a GET or HEAD names the version the client already has (RFC 9110 §13.1.2 and
/// §13.1.3), so a `304 Not Modified` answers it.
enum ConditionalRequest {
    static func isNotModified(_ headers: HTTPFields, file: HostedFile) -> Bool {
        let matches = headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            // Weak comparison, and either encoding's tag: both name the same bytes on disk.
            return matches.flatMap { $0.split(separator: ",") }.contains { listed in
                let tag = listed.trimmingCharacters(in: .whitespaces)
                let opaque = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
                return opaque == "*" || opaque == file.entityTag || opaque == file.gzipEntityTag
            }
        }
        // Only when there is no If-None-Match, which is the more exact of the two.
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return file.identity.modifiedSeconds <= since
        }
        return false
    }
}
