import Hummingbird

extension Router {
    /// `/metrics` for Prometheus to scrape. It is for the machine's own monitoring: the proxy
    /// examples in `Deploy/` do not pass it on.
    func addMetrics(_ metrics: ServiceMetrics) {
        get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: metrics.exposition))
        }
    }
}
