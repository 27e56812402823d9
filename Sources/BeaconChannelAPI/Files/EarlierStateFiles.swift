public import Foundation

/// Before the ledger, feed channels kept what they had published as JSON files under
/// `<data>/state/<folder>/`. A channel whose state is still empty takes them in once, so an
/// upgrade loses no published item; the files are left where they are.
public enum EarlierStateFiles {
    /// Saves each `.json` file under `folder` in `state`, keyed by `key(path relative to folder)`,
    /// unless `state` already holds anything.
    public static func adopt(from folder: URL, into state: any ChannelState, key: (String) -> String) throws {
        guard try state.keys().isEmpty, let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
        let root = folder.standardizedFileURL.path
        for case let file as URL in files where file.pathExtension == "json" {
            try state.save(try Data(contentsOf: file), as: key(String(file.standardizedFileURL.path.dropFirst(root.count + 1))))
        }
    }
}
