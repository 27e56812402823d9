import Foundation
import Synchronization

/// At most `limit` requests from one client in `window`, counted in memory and never stored:
/// it keeps one machine from sending the sign-up form's mail to address after address.
final class ClientRateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let seen = Mutex<[String: [Date]]>([:])

    init(limit: Int, per window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts a request from `client` at `now`; false when it is one too many.
    func allows(_ client: String, at now: Date) -> Bool {
        seen.withLock { seen in
            // Forget everything old as requests come, so memory follows recent clients only.
            seen = seen.compactMapValues { times in
                let recent = times.filter { now.timeIntervalSince($0) < window }
                return recent.isEmpty ? nil : recent
            }
            let recent = seen[client, default: []]
            guard recent.count < limit else { return false }
            seen[client] = recent + [now]
            return true
        }
    }

    /// Who a request comes from: the connecting address, or, when that is a reverse proxy on
    /// this machine, the address the proxy says it forwarded for (the last one it added).
    static func client(connectedFrom address: String?, forwardedFor: String?) -> String {
        guard let address else { return "unknown" }
        let loopback = address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
        guard loopback, let forwarded = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty else {
            return address
        }
        return forwarded
    }
}
