public import BeaconChannelAPI
public import BeaconCore
import Foundation

/// The bulletins in each network's folder, `<network>/<issue date>.html`, are what the network
/// was given: the web service's archive shows them from there.
extension BulletinChannel: EditionArchive {
    public func publishedEditions(of digest: DigestDefinition, in configuration: Configuration) throws(ChannelFailure) -> [PublishedEdition] {
        guard digest.channels.contains(name) else { return [] }
        return configuration.networkEditions(of: digest).flatMap { edition in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder(of: SafeName.of(edition.audience.id)).path)) ?? []
            return files.filter { $0.hasSuffix(".html") }.compactMap { CivilDate(parsing: String($0.dropLast(".html".count))) }.map {
                PublishedEdition(digest: digest.id, edition: SafeName.of(edition), language: edition.language, issueDate: $0)
            }
        }.sorted { ($0.issueDate, $1.edition) > ($1.issueDate, $0.edition) }
    }

    /// The bulletin's `<main>`: the page around it is for printing.
    public func content(of edition: PublishedEdition) throws(ChannelFailure) -> String? {
        guard let network = edition.edition.split(separator: ".").first else { return nil }
        let file = folder(of: String(network)).appendingPathComponent("\(edition.issueDate).html")
        guard let page = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        guard let open = page.range(of: "<main>"), let close = page.range(of: "</main>", options: .backwards), open.upperBound <= close.lowerBound else {
            throw ChannelFailure("the bulletin \(ConfigurationLoader.displayName(file)) has no <main>")
        }
        return String(page[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func folder(of network: String) -> URL {
        settings.folder.appendingPathComponent(network)
    }
}
