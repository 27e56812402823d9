import BeaconChannelAPI
import BeaconCore
public import Foundation

/// How to reach the SMTP server. TLS is required unless the server is on this machine or the
/// settings say otherwise; certificates are always verified.
public struct SMTPSettings: Sendable {
    public let url: String
    public let username: String?
    public let password: String?
    public let caFile: URL?
    public let requireTLS: Bool
    public let connections: Int
    public let messagesPerSecond: Double?
    public let connectTimeout: Double
    public let timeout: Double
    public let attempts: Int
    public let retryDelay: Double

    /// The URL without any credentials, for messages.
    public var displayURL: String {
        guard var components = URLComponents(string: url) else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }

    /// Whether the server is on this machine, where STARTTLS need not be required.
    static func isLoopback(_ url: String) -> Bool {
        URLComponents(string: url)?.host.map(LoopbackHost.contains) ?? false
    }

    static func read(_ reader: SettingsSectionReader, environment: [String: String]) -> SMTPSettings? {
        guard let url = reader.string("smtp.url") else { return nil }
        let scheme = URLComponents(string: url)?.scheme?.lowercased()
        guard scheme == "smtp" || scheme == "smtps", URLComponents(string: url)?.host?.isEmpty == false else {
            reader.report("the SMTP server must be a URL such as smtp://mail.example.org:587 or smtps://mail.example.org", key: "smtp.url")
            return nil
        }
        if URLComponents(string: url)?.password != nil {
            reader.report("put the password in BEACON_SMTP_PASSWORD or BEACON_SMTP_PASSWORD_FILE, not in the URL", key: "smtp.url")
            return nil
        }
        var password = environment["BEACON_SMTP_PASSWORD"]
        if password == nil, let file = environment["BEACON_SMTP_PASSWORD_FILE"] {
            do {
                password = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                reader.report("BEACON_SMTP_PASSWORD_FILE names a file that cannot be read: \(file)", key: "smtp.url")
            }
        }
        return SMTPSettings(
            url: url, username: reader.string("smtp.username"), password: password,
            caFile: reader.path("smtp.ca_file", mustExist: true),
            requireTLS: reader.bool("smtp.require_tls") ?? !isLoopback(url),
            connections: reader.positiveInt("smtp.connections") ?? 2, messagesPerSecond: reader.positiveNumber("smtp.rate"),
            connectTimeout: reader.positiveNumber("smtp.connect_timeout") ?? 10, timeout: reader.positiveNumber("smtp.timeout") ?? 60,
            attempts: reader.positiveInt("smtp.attempts") ?? 3, retryDelay: reader.positiveNumber("smtp.retry_delay") ?? 5)
    }
}

/// Printing settings, by accident or in a debugger, never shows the password.
extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "SMTPSettings(url: \(displayURL), username: \(username ?? "none"), password: \(password == nil ? "none" : "set"))"
    }

    public var debugDescription: String { description }
}
