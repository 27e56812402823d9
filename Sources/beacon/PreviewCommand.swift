import ArgumentParser
import BeaconCore

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print one reader's digest as it would be sent.",
        discussion: """
            READER is a subscriber id, or a network's audience id for the network's own edition. \
            Nothing is sent or written.
            """)

    @Argument(help: "The digest definition id (see `beacon list`).")
    var digest: String

    @Option(name: .customLong("for"), help: ArgumentHelp("The subscriber or network to preview for.", valueName: "reader"))
    var reader: String

    @Option(help: "text, html or markdown.")
    var format: DigestFormat = .text

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var options: ConfigOptions

    func run() throws {
        let (configuration, _) = try options.load()
        guard let definition = configuration.digest(DigestID(digest)) else {
            throw ValidationError("no digest is called \"\(digest)\"; the digests are: \(configuration.digests.map(\.id.rawValue).joined(separator: ", "))")
        }
        let target: Reader
        do {
            target = try configuration.reader(reader, for: definition)
        } catch {
            throw ValidationError(error.description)
        }
        let renderer: DigestRenderer
        do {
            renderer = try DigestRenderer(configuration: configuration)
        } catch {
            Report.problems(error.diagnostics)
            throw ExitCode(1)
        }
        let assembled = DigestAssembler(configuration: configuration)
            .assemble(definition, for: target, on: try asOf.date(in: configuration.settings))
        print(renderer.render(assembled, as: format), terminator: "")
    }
}

extension DigestFormat: ExpressibleByArgument {}
