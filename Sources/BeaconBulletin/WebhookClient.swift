import BeaconChannelAPI
import BeaconCore
import CCurl
import Foundation

/// POSTs JSON to a webhook through libcurl. `2xx` is delivered; `429` and `5xx` are retried,
/// honouring `Retry-After`; any other `4xx` fails at once with the server's answer.
final class WebhookClient {
    struct Response {
        let status: Int
        let body: String
        let retryAfter: Double?
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()
    /// Longest wait a `Retry-After` may ask for before the delivery is deferred instead.
    static let longestWait = 120.0

    private let settings: BulletinSettings

    init(settings: BulletinSettings) {
        _ = Self.globalInit
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
        guard let handle = curl_easy_init() else { return .failure(TransferProblem(description: "libcurl could not start")) }
        defer { curl_easy_cleanup(handle) }
        let capture = Capture()
        let headers = curl_slist_append(nil, "Content-Type: application/json; charset=utf-8")
        defer { curl_slist_free_all(headers) }
        _ = beacon_curl_set_string(handle, CURLOPT_URL, url)
        _ = beacon_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, settings.allowHTTP || url.lowercased().hasPrefix("http://") ? "http,https" : "https")
        _ = beacon_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = beacon_curl_set_long(handle, CURLOPT_POST, 1)
        _ = beacon_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(settings.timeout, 10) * 1000))
        _ = beacon_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        _ = beacon_curl_set_list(handle, CURLOPT_HTTPHEADER, headers)
        _ = beacon_curl_set_write_function(handle, keepBody)
        _ = beacon_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(capture).toOpaque())
        _ = beacon_curl_set_header_function(handle, keepHeader)
        _ = beacon_curl_set_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(capture).toOpaque())
        let result: CURLcode = json.withUnsafeBytes { body in
            _ = beacon_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            _ = beacon_curl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress))
            return withExtendedLifetime(capture) { curl_easy_perform(handle) }
        }
        guard result == CURLE_OK else {
            // curl's wording, which names the host at most, never the path or its token.
            let reason = result == CURLE_OPERATION_TIMEDOUT ? "no answer within \(Int(settings.timeout)) seconds" : String(cString: curl_easy_strerror(result))
            return .failure(TransferProblem(description: reason))
        }
        var status = 0
        _ = beacon_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(Response(status: status, body: String(decoding: capture.body, as: UTF8.self), retryAfter: capture.retryAfter))
    }
}

/// The response body (first few kilobytes) and the `Retry-After` header.
private final class Capture {
    var body = Data()
    var retryAfter: Double?
}

private let keepBody: beacon_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let capture = Unmanaged<Capture>.fromOpaque(context).takeUnretainedValue()
    if capture.body.count < 4096 { capture.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: min(length, 4096 - capture.body.count)) }
    return length
}

private let keepHeader: beacon_curl_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    let parts = line.split(separator: ":", maxSplits: 1)
    if parts.count == 2, parts[0].lowercased() == "retry-after" {
        Unmanaged<Capture>.fromOpaque(context).takeUnretainedValue().retryAfter = Double(parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return length
}
