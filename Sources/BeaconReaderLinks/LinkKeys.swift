public import BeaconCore
public import Foundation

/// The keys for readers' links (unsubscribe, preferences, web copies, sign-up confirmations):
/// one signs, and it and any earlier ones still listed verify, so links already in people's
/// inboxes keep working while a key is rotated.
///
/// `BEACON_UNSUBSCRIBE_SECRET` (or `…_FILE`) is the key that signs; without it one is made and
/// kept in `<data>/keys/unsubscribe.key`. `BEACON_UNSUBSCRIBE_SECRET_PREVIOUS` (or `…_FILE`)
/// lists earlier keys, one per line, that still verify.
public struct LinkKeys: Sendable {
    public static let secretVariables = [
        "BEACON_UNSUBSCRIBE_SECRET", "BEACON_UNSUBSCRIBE_SECRET_FILE",
        "BEACON_UNSUBSCRIBE_SECRET_PREVIOUS", "BEACON_UNSUBSCRIBE_SECRET_PREVIOUS_FILE",
    ]

    let signing: SymmetricSecret
    let verifying: [SymmetricSecret]

    public init(signing: SymmetricSecret, previous: [SymmetricSecret] = []) {
        self.signing = signing
        verifying = [signing] + previous
    }

    /// Where keys come from, as the settings and environment give them: checked when settings
    /// are read, the kept key made only when a link is first signed or checked.
    public struct Source: Sendable {
        let configured: SymmetricSecret?
        let previous: [SymmetricSecret]
        let keptFile: URL

        /// Reads the variables; problems name the variable, never its value.
        public static func read(environment: [String: String], dataFolder: URL) -> (source: Source?, problems: [Diagnostic]) {
            var problems: [Diagnostic] = []
            var configured: SymmetricSecret?
            var previous: [SymmetricSecret] = []
            do {
                configured = try SymmetricSecret.configured(environment: environment, variable: "BEACON_UNSUBSCRIBE_SECRET")
            } catch {
                problems.append(Diagnostic(location: SourceLocation(file: "environment", field: "BEACON_UNSUBSCRIBE_SECRET"), problem: .inconsistent("\(error)")))
            }
            let variable = "BEACON_UNSUBSCRIBE_SECRET_PREVIOUS"
            let listed = environment[variable] ?? environment[variable + "_FILE"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            if environment[variable] == nil, environment[variable + "_FILE"] != nil, listed == nil {
                problems.append(Diagnostic(location: SourceLocation(file: "environment", field: variable + "_FILE"), problem: .inconsistent("names a file that cannot be read")))
            }
            for line in (listed ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                guard line.utf8.count >= 16 else {
                    problems.append(Diagnostic(location: SourceLocation(file: "environment", field: variable), problem: .inconsistent("every key listed must be at least 16 characters")))
                    continue
                }
                previous.append(SymmetricSecret(line))
            }
            guard problems.isEmpty else { return (nil, problems) }
            return (Source(configured: configured, previous: previous, keptFile: dataFolder.appendingPathComponent("keys/unsubscribe.key")), [])
        }

        /// The keys, making and keeping one in the data folder the first time none is configured.
        public func keys() throws -> LinkKeys {
            LinkKeys(signing: try configured ?? SymmetricSecret.kept(at: keptFile), previous: previous)
        }
    }
}
