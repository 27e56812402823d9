import Foundation
import TestPeers

let peers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers")

/// Runs one of the Python readers in `Peers/` once on `input`, a file it is given, and returns what it prints.
func runPeer(_ script: String, input: URL) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [peers.appendingPathComponent(script).path, input.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw PeerFailed(description: "\(script) exited \(process.terminationStatus); are python3-feedparser and python3-markdown-it installed?")
    }
    return data
}

/// A new folder for one test's files; the test removes it with `defer`, which runs after its last use.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-property-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
