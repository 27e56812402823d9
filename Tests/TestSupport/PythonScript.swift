public import Foundation

/// Debian's Python (`/usr/bin/python3`, where `python3-aiosmtpd`, `python3-feedparser` and the
/// other peers are installed, not a pyenv one on PATH) running a reader or a helper script.
/// In CI a missing peer is an error, never a skip.
public enum PythonScript {
    public struct Result: Sendable {
        public let status: Int32
        public let output: Data
        public let errors: String

        public var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `script` with `arguments`, feeding `input` on standard input, and waits for it.
    public static func run(_ script: URL, _ arguments: [String] = [], input: Data? = nil) throws -> Result {
        try run(arguments: [script.path] + arguments, input: input)
    }

    /// Runs `python3 -c code arguments…`.
    public static func run(code: String, _ arguments: [String] = [], input: Data? = nil) throws -> Result {
        try run(arguments: ["-c", code] + arguments, input: input)
    }

    /// As `run`, throwing unless the script exits 0; returns what it printed.
    @discardableResult
    public static func output(of script: URL, _ arguments: [String] = [], input: Data? = nil) throws -> Data {
        let result = try run(script, arguments, input: input)
        guard result.status == 0 else {
            throw PeerFailed(description: "\(script.lastPathComponent) exited \(result.status): \(result.errors.suffix(2000))")
        }
        return result.output
    }

    private static func run(arguments: [String], input: Data?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        try process.run()
        if let input {
            // Written from another thread, so a script that prints while reading cannot block both.
            Thread.detachNewThread {
                standardInput.fileHandleForWriting.write(input)
                try? standardInput.fileHandleForWriting.close()
            }
        }
        let errorsRead = ErrorText(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: data, errors: errorsRead.text)
    }
}

/// Standard error read on its own thread while standard output is read, so neither pipe fills.
private final class ErrorText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    var text: String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
