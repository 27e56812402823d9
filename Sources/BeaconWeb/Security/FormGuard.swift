import BeaconReaderLinks
import Foundation
import Hummingbird

/// Refuses a form posted from anywhere but the page that showed it (CSRF): the form must carry
/// the token that page signed for its own path, still fresh, and a browser's `Origin` (or,
/// without one, `Referer`) must be the service's own public address when one is set.
struct FormGuard: Sendable {
    let keys: LinkKeys
    /// `scheme://host[:port]` of `public_base_url`.
    let origin: String?
    let now: @Sendable () -> Date

    static let field = "form_token"

    init(keys: LinkKeys, publicBaseURL: String?, now: @escaping @Sendable () -> Date) {
        self.keys = keys
        origin = publicBaseURL.flatMap(Self.origin(of:))
        self.now = now
    }

    /// The hidden field for a form that posts back to `path`.
    func field(for path: String) -> String {
        FormFields.hidden(Self.field, FormToken(path: path, expires: now().addingTimeInterval(FormToken.lifetime)).signed(with: keys))
    }

    func allows(_ form: FormBody, to path: String, from request: Request) -> Bool {
        guard let token = form[Self.field], FormToken.accepts(token, for: path, at: now(), with: keys) else { return false }
        guard let origin else { return true }
        if let sent = request.headers[.origin] { return sent == origin }
        if let referer = request.headers[.referer] { return Self.origin(of: referer) == origin }
        return true
    }

    private static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased() else {
            return nil
        }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
