public import Foundation

/// A real server from Debian's Python, started for one test: it prints `READY <port>` once it
/// listens, and is killed when the test lets go of it. In CI a peer that does not start is an
/// error, never a skip.
public final class PeerProcess {
    public let port: Int
    private let process = Process()

    /// Runs `/usr/bin/python3 script arguments…` and waits for its `READY <port>` line.
    public init(script: URL, arguments: [String], missing: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw PeerFailed(description: "\(script.lastPathComponent) did not start; \(missing)") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else { throw PeerFailed(description: "unexpected: \(text)") }
        self.port = port
    }

    deinit {
        // SIGKILL: a process started from a thread pool can inherit a blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

public struct PeerFailed: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
