import Foundation
import GRDB

/// Before the ledger, the feed channels kept each feed's items as JSON files under
/// `<data>/state/`. Importing them once, when the ledger is created or upgraded, keeps every
/// published item in the feeds; the files are left where they are.
enum EarlierFeedState {
    /// Folder under `<data>/state/`, the channel that kept it, and how a file's path becomes
    /// the channel's key (the RSS channel added `.json` to its feed's name).
    static let folders: [(folder: String, channel: String, dropsExtension: Bool)] = [
        ("feeds", "rss", true),
        ("json-feed", "json-feed", false),
    ]

    static func importFiles(from dataFolder: URL, into db: Database) throws {
        for (folder, channel, dropsExtension) in folders {
            let root = dataFolder.appendingPathComponent("state").appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension == "json" {
                let relative = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                let key = dropsExtension ? String(relative.dropLast(".json".count)) : relative
                try db.execute(sql: """
                    INSERT OR IGNORE INTO channel_state (channel, key, value, updated_at) VALUES (?, ?, ?, ?)
                    """, arguments: [channel, key, try Data(contentsOf: file), Date()])
            }
        }
    }
}
