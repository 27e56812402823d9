public import Foundation

/// The hidden field of every form the web service shows: signed with the links' keys, bound to
/// the page that showed the form and to an expiry, so a page elsewhere cannot post a reader's
/// form for them (CSRF). Its payload starts with `form:`, which no reader's link starts with,
/// so neither can be read as the other.
public struct FormToken: Sendable, Hashable {
    public let path: String
    public let expires: Date

    /// Long enough to read a page and think; short enough that a token copied out of one is soon useless.
    public static let lifetime: TimeInterval = 2 * 3600

    public init(path: String, expires: Date) {
        self.path = path
        self.expires = expires
    }

    public func signed(with keys: LinkKeys) -> String {
        keys.sign(Data("form:\n\(path)\n\(Int(expires.timeIntervalSince1970))".utf8))
    }

    /// Whether `token` is genuine, for `path`, and not expired at `now`.
    public static func accepts(_ token: String, for path: String, at now: Date, with keys: LinkKeys) -> Bool {
        guard let payload = keys.verifiedPayload(token) else { return false }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "form:", fields[1] == path, let seconds = Int(fields[2]) else { return false }
        return now < Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
