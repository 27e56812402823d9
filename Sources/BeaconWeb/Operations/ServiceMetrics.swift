import Hummingbird
import Metrics
import Prometheus

/// The service's measurements in one Prometheus registry, which swift-metrics reports into:
/// requests by route, method and status (Hummingbird's `MetricsMiddleware`) and the reader
/// events the pages count. Routes are patterns (`/u/:token`), so no reader's link is kept.
public struct ServiceMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    /// Makes a registry the one swift-metrics reports to for the rest of the process.
    /// swift-metrics allows this once per process: `beacon serve` does it as it starts.
    public static func bootstrap() -> ServiceMetrics {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in PrometheusNames.rename(name, labels) }
        MetricsSystem.bootstrap(factory)
        // Counted from zero, so a count that has not moved yet is still on the page.
        for event in ReaderEvent.allCases { _ = Counter(label: event.rawValue) }
        return ServiceMetrics(registry: registry)
    }

    /// The Prometheus text exposition of everything measured so far.
    var exposition: ByteBuffer {
        ByteBuffer(bytes: registry.emitToBuffer())
    }
}

/// Prometheus's names for what Hummingbird records under OpenTelemetry's dotted ones, with
/// the `_total` and unit suffixes Prometheus expects.
private enum PrometheusNames {
    static let metrics = [
        "hb.requests": "beacon_http_requests_total",
        "hb.request.errors": "beacon_http_request_errors_total",
        "http.server.request.duration": "beacon_http_request_duration_seconds",
        "http.server.active_requests": "beacon_http_active_requests",
    ]
    static let labels = [
        "http.route": "route",
        "http.request.method": "method",
        "http.response.status_code": "status",
        "error.type": "status",
    ]

    static func rename(_ name: String, _ labels: [(String, String)]) -> (String, [(String, String)]) {
        (metrics[name] ?? name, labels.map { (Self.labels[$0.0] ?? $0.0, $0.1) })
    }
}
