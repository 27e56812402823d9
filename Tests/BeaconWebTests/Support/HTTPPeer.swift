import BeaconTestSupport
import Foundation

/// An answer as Python's `http.client` received it over a real connection (Peers/fetch.py).
struct PeerAnswer: Decodable {
    let status: Int
    /// Names in lower case.
    let headers: [String: String]
    let body: Data
    /// A gzip body as Python's gzip module decodes it.
    let decoded: Data?

    /// Sends one request to the service listening on `port`. The peer runs on a thread of its
    /// own, so a test waiting for it never holds one of the threads the server answers on.
    static func fetch(port: Int, _ method: String, _ path: String, headers: [String: String] = [:], chunkedBody: Int? = nil) async throws -> PeerAnswer {
        var arguments = [String(port), method, path]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["--header", "\(name):\(value)"] }
        if let chunkedBody { arguments += ["--chunked", String(chunkedBody)] }
        let script = packageRoot.appendingPathComponent("Tests/BeaconWebTests/Peers/fetch.py")
        let command = arguments
        let output = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try PythonScript.output(of: script, command) })
            }
        }
        return try JSONDecoder().decode(PeerAnswer.self, from: output)
    }
}
