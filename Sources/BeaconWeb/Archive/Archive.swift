import BeaconChannelAPI
import BeaconCore

/// What the channels that keep their published editions (feeds, bulletins) say was published,
/// asked through `EditionArchive`: the service never reads a channel's own files.
struct Archive {
    let context: WebContext

    private var channels: [any EditionArchive] {
        context.channels.values.compactMap { $0 as? any EditionArchive }.sorted { $0.name.rawValue < $1.name.rawValue }
    }

    /// The digest whose safe name is `name`.
    func digest(named name: String) -> DigestDefinition? {
        context.configuration.digests.first { SafeName.of($0.id) == name }
    }

    /// Every edition published, newest first; an edition two channels published is listed once.
    func editions(of digest: DigestDefinition) throws(ChannelFailure) -> [PublishedEdition] {
        var seen = Set<String>()
        var editions: [PublishedEdition] = []
        for channel in channels where digest.channels.contains(channel.name) {
            for edition in try channel.publishedEditions(of: digest, in: context.configuration) where seen.insert(edition.path).inserted {
                editions.append(edition)
            }
        }
        return editions.sorted { ($0.issueDate, $1.edition) > ($1.issueDate, $0.edition) }
    }

    /// What was published as `edition` on `date`, from the first channel that kept it.
    func content(of digest: DigestDefinition, edition: String, on date: CivilDate) throws(ChannelFailure) -> (PublishedEdition, String)? {
        for channel in channels where digest.channels.contains(channel.name) {
            if let found = try channel.publishedEditions(of: digest, in: context.configuration).first(where: { $0.edition == edition && $0.issueDate == date }),
               let html = try channel.content(of: found) {
                return (found, html)
            }
        }
        return nil
    }

    /// An edition's name for readers: its audience (and sector) and its language.
    func title(of edition: PublishedEdition, in digest: DigestDefinition) -> Bilingual {
        let known = (context.configuration.editions(of: digest) + context.configuration.networkEditions(of: digest))
            .first { SafeName.of($0) == edition.edition }
        let name = known.map { Bilingual($0.title) } ?? Bilingual(edition.edition, edition.edition)
        let language = switch edition.language {
        case .welsh: Bilingual(" (Cymraeg)", " (Welsh)")
        case .english: Bilingual(" (Saesneg)", " (English)")
        case .both: Bilingual(" (Cymraeg a Saesneg)", " (Welsh and English)")
        }
        return name + language
    }
}
