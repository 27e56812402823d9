import Foundation

/// aiosmtpd from Debian's python3-aiosmtpd on a free loopback port (see smtp_server.py beside this file).
/// In CI a missing peer is an error, never a skip.
public final class SMTPTestServer {
    public let maildir: URL
    public let port: Int
    private let process: Process

    public init(_ arguments: [String] = []) throws {
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-maildir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script.path, "--maildir", maildir.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw SMTPPeerFailed(description: "the test SMTP server did not start; is python3-aiosmtpd installed?") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else { throw SMTPPeerFailed(description: "unexpected: \(text)") }
        self.port = port
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py")

    deinit {
        // SIGKILL: a process started from a thread pool can inherit a blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

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
            guard Date() < deadline else { throw SMTPPeerFailed(description: "fewer than \(messages) messages arrived in \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    public var connections: Int {
        ((try? String(contentsOf: maildir.appendingPathComponent("connections.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").count
    }
}

public struct SMTPPeerFailed: Error, CustomStringConvertible {
    public let description: String
}
