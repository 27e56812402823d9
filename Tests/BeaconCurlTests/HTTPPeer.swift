import Foundation
import BeaconTestSupport

/// Python's http.server on loopback, answering as each request's path says and keeping what
/// it was sent (see Peers/http_peer.py).
final class HTTPPeer {
    let folder: URL
    private let peer: PeerProcess

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        peer = try PeerProcess(
            script: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers/http_peer.py"),
            arguments: ["--dir", folder.path], missing: "is python3 installed?")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var port: Int { peer.port }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests received so far, in order: the request line and header fields, and the body.
    func requests() throws -> [(headers: String, body: Data)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".body") }.sorted()
        return try names.map { name in
            let file = folder.appendingPathComponent(name)
            let headers = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("headers"), encoding: .utf8)
            return (headers, try Data(contentsOf: file))
        }
    }
}
