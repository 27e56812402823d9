import Foundation
import BeaconTestSupport

let peers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers")

/// Runs one of the Python readers in `Peers/` once on `input`, a file it is given, and returns what it prints.
func runPeer(_ script: String, input: URL) throws -> Data {
    try PythonScript.output(of: peers.appendingPathComponent(script), [input.path])
}
