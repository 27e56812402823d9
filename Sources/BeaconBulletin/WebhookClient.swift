import BeaconChannelAPI
import BeaconCore
import BeaconCurl
import Foundation

/// POSTs JSON to a webhook through libcurl. `2xx` is delivered; `429` and `5xx` are retried,
/// honouring `Retry-After`; any other `4xx` fails at once with the server's answer.
final class WebhookClient: Sendable {
    struct Response {
        let status: Int
        let body: String
        let retryAfter: Double?
    }

    /// Longest wait a `Retry-After` may ask for before the delivery is deferred instead.
    static let longestWait = 120.0

    private let settings: BulletinSettings

    init(settings: BulletinSettings) {
        self.settings = settings
    }

    /// `network` names the hook in messages; its address is a secret and never appears.
    func post(_ json: Data, to url: String, network: AudienceID) -> DeliveryOutcome {
        var delay = settings.retryDelay
        var last = ""
        for attempt in 1...settings.attempts {
            switch send(json, to: url) {
            case .success(let response) where (200..<300).contains(response.status):
                return .delivered("webhook for \(network) answered \(response.status)")
            case .success(let response) where response.status == 429 || response.status >= 500:
                last = "webhook for \(network) answered \(response.status): \(response.body.prefix(200))"
                guard attempt < settings.attempts else { break }
                let wait = response.retryAfter ?? delay
                guard wait <= Self.longestWait else { return .deferred("\(last); it asked to wait \(Int(wait)) seconds") }
                Thread.sleep(forTimeInterval: wait)
            case .success(let response):
                return .failed("webhook for \(network) refused the bulletin with \(response.status): \(response.body.prefix(500))")
            case .failure(let problem):
                last = "webhook for \(network): \(problem)"
                guard attempt < settings.attempts else { break }
                Thread.sleep(forTimeInterval: delay)
            }
            delay *= 2
        }
        return .deferred("\(last) (after \(settings.attempts) attempts)")
    }

    private struct TransferProblem: Error, CustomStringConvertible {
        let description: String
    }

    private func send(_ json: Data, to url: String) -> Result<Response, TransferProblem> {
        guard let curl = CurlHandle(capturing: CurlHandle.Capture(headers: true, bodyLimit: 4096)) else {
            return .failure(TransferProblem(description: "libcurl could not start"))
        }
        curl.set(.url, url)
        curl.set(.protocols, settings.allowHTTP || url.lowercased().hasPrefix("http://") ? "http,https" : "https")
        curl.set(.post, true)
        curl.set(.postFieldSize, Int64(json.count))
        curl.set(.connectTimeoutMS, Int(min(settings.timeout, 10) * 1000))
        curl.set(.timeoutMS, Int(settings.timeout * 1000))
        curl.set(.httpHeaders, CurlList(["Content-Type: application/json; charset=utf-8"]))
        let result = curl.perform(sending: json)
        guard result.code == .ok else {
            // curl's wording, which names the host at most, never the path or its token.
            let reason = result.code == .operationTimedOut ? "no answer within \(Int(settings.timeout)) seconds" : result.code.description
            return .failure(TransferProblem(description: reason))
        }
        let retryAfter = result.headers.value(of: "Retry-After").flatMap(Double.init)
        return .success(Response(status: result.responseCode, body: String(decoding: result.body, as: UTF8.self), retryAfter: retryAfter))
    }
}
