import CCurl

/// libcurl's process-wide set-up, done once however many handles and threads there are:
/// `curl_global_init` must not run twice at once, and Swift runs a static's initialiser once.
enum CurlLibrary {
    private static let started: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    static func start() {
        _ = started
    }
}
