import BeaconTestSupport
import Foundation

/// Runs the built `beacon` executable as an operator would, from a chosen folder.
struct BeaconProcess {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }


    /// `beacon` is built next to the test bundle because this test target depends on it.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("beacon")
    }

    static func run(_ arguments: [String], in folder: URL = packageRoot, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BEACON_") }
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// A copy of the example `Config/` in a new folder, to break without touching the real one.
    static func copyOfExample() throws -> URL {
        let folder = try TemporaryFolder.make("cli")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Config"), to: folder.appendingPathComponent("Config"))
        return folder
    }

    static func edit(_ file: URL, replacingFirst old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: old) else { throw EditError(file: file.path, missing: old) }
        try text.replacingCharacters(in: range, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    struct EditError: Error {
        let file: String
        let missing: String
    }
}
