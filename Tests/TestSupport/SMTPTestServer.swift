public import Foundation

/// aiosmtpd from Debian's python3-aiosmtpd on a free loopback port (see smtp_server.py beside this file).
/// In CI a missing peer is an error, never a skip.
public final class SMTPTestServer {
    public let maildir: URL
    private let peer: PeerProcess

    public init(_ arguments: [String] = []) throws {
        maildir = try TemporaryFolder.make("maildir")
        peer = try PeerProcess(
            script: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py"),
            arguments: ["--maildir", maildir.path] + arguments, missing: "is python3-aiosmtpd installed?")
    }

    public var port: Int { peer.port }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// Messages accepted so far, in order, with their envelope recipients.
    public func messages() throws -> [(file: URL, recipients: [String])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let file = maildir.appendingPathComponent(name)
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: file.deletingPathExtension().appendingPathExtension("json"))) as? [String: Any]
            return (file, envelope?["to"] as? [String] ?? [])
        }
    }

    /// Returns once `messages` have been accepted; throws after `timeout` seconds.
    public func waitFor(messages: Int, timeout: TimeInterval = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try self.messages().count < messages {
            guard Date() < deadline else { throw PeerFailed(description: "fewer than \(messages) messages arrived in \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    public var connections: Int {
        ((try? String(contentsOf: maildir.appendingPathComponent("connections.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").count
    }
}
