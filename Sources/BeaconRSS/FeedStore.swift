import BeaconChannelAPI
import BeaconCore
import Foundation

/// Keeps each feed's items in the channel's state and publishes the feed file atomically, so
/// a web server never serves half a feed and a failed write leaves the last good one in place.
struct FeedStore {
    let settings: RSSSettings
    let state: any ChannelState

    func load(_ file: String) throws -> Feed? {
        try state.load(file).map { try JSONDecoder().decode(Feed.self, from: $0) }
    }

    /// Saves the items first, then the feed: a crash between the two is repaired by the next run.
    func save(_ feed: Feed, builtAt date: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try state.save(try encoder.encode(feed), as: feed.file)
        try AtomicFile.write(Data(feed.xml(builtAt: date).utf8), to: settings.folder.appendingPathComponent(feed.file), access: .published)
    }

    /// Every feed ever published, for the OPML list.
    func all() throws -> [Feed] {
        try state.keys().filter { !$0.hasPrefix(KeptEditions.prefix) }.compactMap { key in try state.load(key).map { try JSONDecoder().decode(Feed.self, from: $0) } }
            .sorted { $0.file < $1.file }
    }
}
