import BeaconCore
import Foundation

/// Keeps each feed's items in the state folder and publishes the feed file atomically, so a
/// web server never serves half a feed and a failed write leaves the last good one in place.
struct FeedStore {
    let settings: RSSSettings

    func load(_ file: String) -> Feed? {
        guard let data = try? Data(contentsOf: stateFile(file)) else { return nil }
        return try? JSONDecoder().decode(Feed.self, from: data)
    }

    /// Saves the items first, then the feed: a crash between the two is repaired by the next run.
    func save(_ feed: Feed, builtAt date: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(feed), to: stateFile(feed.file))
        try AtomicFile.write(Data(feed.xml(builtAt: date).utf8), to: settings.folder.appendingPathComponent(feed.file))
    }

    /// Every feed ever published, for the OPML list.
    func all() -> [Feed] {
        guard let enumerator = FileManager.default.enumerator(at: settings.stateFolder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .compactMap { try? JSONDecoder().decode(Feed.self, from: Data(contentsOf: $0)) }
            .sorted { $0.file < $1.file }
    }

    private func stateFile(_ file: String) -> URL {
        settings.stateFolder.appendingPathComponent(file + ".json")
    }
}
