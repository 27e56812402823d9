import BeaconChannelAPI
public import BeaconCore
public import Foundation

/// The `bulletin:` section of `beacon.yml`, and each network's webhook from the environment.
/// Webhook addresses carry their own access tokens, so they are secrets: they are read from
/// `BEACON_WEBHOOK_<NETWORK>` or `BEACON_WEBHOOK_<NETWORK>_FILE` only, and never printed.
public struct BulletinSettings: Sendable {
    public static let spec = SettingsSectionSpec(
        name: "bulletin",
        keys: ["folder", "allow_http", "timeout", "attempts", "retry_delay"],
        secretPrefixes: ["BEACON_WEBHOOK_"])

    let folder: URL
    /// Where a copy of each bulletin goes too (a shared drive), if anywhere.
    let sharedFolder: URL?
    let webhooks: [AudienceID: String]
    let allowHTTP: Bool
    let timeout: Double
    let attempts: Int
    let retryDelay: Double

    /// `BEACON_WEBHOOK_DIRECTORS_OF_FINANCE_NETWORK` for the network `directors-of-finance-network`.
    public static func webhookVariable(for network: AudienceID) -> String {
        "BEACON_WEBHOOK_" + String(network.rawValue.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    public static func read(from configuration: Configuration, environment: [String: String]) -> (settings: BulletinSettings?, problems: [Diagnostic]) {
        let reader = SettingsSectionReader(configuration.settings.section("bulletin"))
        let allowHTTP = reader.bool("allow_http") ?? false
        var problems: [Diagnostic] = []
        var webhooks: [AudienceID: String] = [:]
        for network in configuration.audiences where network.kind == .network {
            let variable = webhookVariable(for: network.id)
            var url = environment[variable]
            if url == nil, let file = environment[variable + "_FILE"] {
                url = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                if url == nil {
                    problems.append(Diagnostic(location: SourceLocation(file: "environment", field: variable + "_FILE"), problem: .inconsistent("names a file that cannot be read")))
                }
            }
            guard let url else { continue }
            if let problem = problem(with: url, allowHTTP: allowHTTP) {
                // The address is a secret: the message names the variable, never the value.
                problems.append(Diagnostic(location: SourceLocation(file: "environment", field: variable), problem: .inconsistent(problem)))
            } else {
                webhooks[network.id] = url
            }
        }
        let settings = BulletinSettings(
            folder: configuration.settings.dataFolder.appendingPathComponent("bulletins"),
            sharedFolder: reader.path("folder"),
            webhooks: webhooks, allowHTTP: allowHTTP,
            timeout: reader.positiveNumber("timeout") ?? 30,
            attempts: reader.positiveInt("attempts") ?? 4,
            retryDelay: reader.positiveNumber("retry_delay") ?? 2)
        problems = reader.problems + problems
        return (problems.contains { $0.severity == .error } ? nil : settings, problems)
    }

    /// Webhooks go over https, except to this machine or where the settings allow http.
    static func problem(with url: String, allowHTTP: Bool) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            return "is not a web address"
        }
        switch scheme {
        case "https": return nil
        case "http" where allowHTTP || LoopbackHost.contains(host): return nil
        case "http": return "must use https (set bulletin.allow_http: true only for a server on a network you trust)"
        default: return "must be an https:// address"
        }
    }
}
