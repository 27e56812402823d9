import BeaconChannelAPI
import BeaconCore
import Foundation

/// A JSON Feed 1.1 document. Encoded with sorted keys, so an item already published keeps
/// the same bytes when later issues are added.
struct JSONFeed: Codable {
    struct Item: Codable, Equatable, Identifiable {
        let id: String
        let title: String
        let summary: String
        let contentHTML: String
        let contentText: String
        let datePublished: String
        let language: String?
        /// The item's archive page on the web service, when it has a public address.
        let url: String?

        enum CodingKeys: String, CodingKey {
            case id, title, summary, language, url
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
        }
    }

    static let version = "https://jsonfeed.org/version/1.1"

    let version: String
    let title: String
    let homePageURL: String
    let feedURL: String
    let description: String
    let language: String
    var items: [Item]

    enum CodingKeys: String, CodingKey {
        case version, title, description, language, items
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(edition: Edition, digest: DigestDefinition, url: String, home: String) {
        let english = "\(digest.title.english) — \(edition.title.english)"
        let welsh = "\(digest.title.welsh ?? digest.title.english) — \(edition.title.welsh ?? edition.title.english)"
        let title = switch edition.language {
        case .english: english
        case .welsh: welsh
        case .both: "\(welsh) / \(english)"
        }
        self.version = Self.version
        self.title = title
        self.homePageURL = home
        self.feedURL = url
        self.description = title
        self.language = edition.language == .english ? "en" : "cy"
        self.items = []
    }
}
