import Foundation

/// What earlier sends leave in a data folder: if any of it is there, the folder has had a
/// ledger, and a missing one has been lost rather than never made.
enum EarlierOutput {
    /// `beacon.lock` is made by every run that could send; the folders hold what was sent.
    static let traces = ["beacon.lock", "reports", "outbox", "feeds", "bulletins"]

    /// The traces present in `folder`, as names relative to it.
    static func found(in folder: URL) -> [String] {
        traces.filter { name in
            let path = folder.appendingPathComponent(name).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return false }
            return !isFolder.boolValue || !((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty
        }
    }
}
