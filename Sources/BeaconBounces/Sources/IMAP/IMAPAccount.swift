import BeaconChannelAPI
public import Foundation

/// Where returned mail waits on an IMAP server, and how to log in. `imaps://` is TLS from the
/// start; `imap://` must switch to TLS with STARTTLS unless the server is on this machine.
/// Certificates are always verified. The password comes from the environment and is never
/// shown: not in `description`, not in an error, not in what is kept of the server's replies.
public struct IMAPAccount: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Where the password is read from, or a file holding it.
    public static let passwordVariable = "BEACON_BOUNCES_IMAP_PASSWORD"
    public static let passwordFileVariable = "BEACON_BOUNCES_IMAP_PASSWORD_FILE"

    /// `imaps://host[:port]` or `imap://host[:port]`, without a folder.
    public let server: String
    public let username: String
    let password: String
    /// A certificate authority to trust besides the system's, for a server with its own.
    public let caFile: URL?
    public let requireTLS: Bool
    public let connectTimeout: TimeInterval
    public let timeout: TimeInterval

    /// `requireTLS` defaults to true unless the server is on this machine.
    public init(
        url: String, username: String, environment: [String: String], caFile: URL? = nil, requireTLS: Bool? = nil,
        connectTimeout: TimeInterval = 10, timeout: TimeInterval = 60
    ) throws(IMAPError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "imap" || scheme == "imaps",
              let host = components.host, !host.isEmpty
        else { throw .invalidServer(url) }
        guard components.password == nil, components.user == nil else { throw .credentialsInURL }
        guard components.path.isEmpty || components.path == "/", components.query == nil else { throw .invalidServer(url) }
        if let password = environment[Self.passwordVariable] {
            self.password = password
        } else if let file = environment[Self.passwordFileVariable] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw .unreadablePasswordFile(file) }
            self.password = text.trimmingCharacters(in: .newlines)
        } else {
            throw .noPassword
        }
        server = "\(scheme)://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)\(components.port.map { ":\($0)" } ?? "")"
        self.username = username
        self.caFile = caFile
        self.requireTLS = requireTLS ?? !LoopbackHost.contains(host)
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    public var description: String {
        "IMAPAccount(server: \(server), username: \(username), password: set)"
    }

    public var debugDescription: String { description }
}
