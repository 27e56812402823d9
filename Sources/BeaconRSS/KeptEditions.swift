import BeaconChannelAPI
import BeaconCore
import Foundation

/// Every edition the channel has published, kept for good in its state under
/// `archive/<digest>/<edition>/<date>`, unlike a feed's items, of which only the newest are
/// kept: the web service's archive pages show them.
struct KeptEditions {
    let state: any ChannelState

    static let prefix = "archive/"

    private struct Entry: Codable {
        let language: String
        let html: String
    }

    func keep(_ html: String, of digest: DigestID, _ edition: Edition, on date: CivilDate) throws {
        let entry = Entry(language: edition.language.rawValue, html: html)
        try state.save(try JSONEncoder().encode(entry), as: Self.key(SafeName.of(digest), SafeName.of(edition), date))
    }

    func editions(of digest: DigestID) throws -> [PublishedEdition] {
        let folder = Self.prefix + SafeName.of(digest) + "/"
        return try state.keys().filter { $0.hasPrefix(folder) }.compactMap { key -> PublishedEdition? in
            let parts = key.dropFirst(folder.count).split(separator: "/")
            guard parts.count == 2, let date = CivilDate(parsing: String(parts[1])),
                  let language = parts[0].split(separator: ".").last.flatMap({ LanguagePreference(rawValue: String($0)) }) else { return nil }
            return PublishedEdition(digest: digest, edition: String(parts[0]), language: language, issueDate: date)
        }.sorted { ($0.issueDate, $1.edition) > ($1.issueDate, $0.edition) }
    }

    func content(of edition: PublishedEdition) throws -> String? {
        try state.load(Self.key(SafeName.of(edition.digest), edition.edition, edition.issueDate))
            .map { try JSONDecoder().decode(Entry.self, from: $0).html }
    }

    private static func key(_ digest: String, _ edition: String, _ date: CivilDate) -> String {
        "\(prefix)\(digest)/\(edition)/\(date)"
    }
}
