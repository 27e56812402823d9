import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print one reader's digest as it would be sent.",
        discussion: """
            READER is a subscriber id, or a network's audience id for the network's own edition. \
            The issue covers what the real one would: news since the digest's last issue in the \
            ledger, or for a first issue the digest's frequency. Nothing is sent or written.
            """)

    @Argument(help: "The digest definition id (see `beacon list`).")
    var digest: String

    @Option(name: .customLong("for"), help: ArgumentHelp("The subscriber or network to preview for.", valueName: "reader"))
    var reader: String

    @Option(help: "text, html, markdown, print (a bulletin page for A4), or eml for the exact email message.")
    var format: PreviewFormat = .text

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var options: ConfigOptions

    func run() throws {
        let loaded = try Loaded(options)
        let configuration = loaded.configuration
        let definition = try configuration.digest(named: digest)
        let target: Reader
        do {
            target = try configuration.reader(reader, for: definition)
        } catch {
            throw ValidationError(error.description)
        }
        let date = try asOf.date(in: configuration.settings)
        let assembled = DigestAssembler(configuration: configuration)
            .assemble(definition, for: target, covering: try window(of: definition, on: date, for: target, ledger: loaded.ledger))
        switch format {
        case .eml:
            guard let subscriber = configuration.subscriber(SubscriberID(reader)) else {
                throw ValidationError("--format eml needs a subscriber, not a network")
            }
            let previewing = definition.channels.lazy.compactMap { loaded.channels[$0] as? any ExactMessagePreview }.first
            guard let channel = previewing else {
                throw ValidationError("\(definition.id) goes by no channel that sends messages (\(definition.channels.map(\.rawValue).joined(separator: ", "))), so there is no exact message to show")
            }
            let message = try channel.exactMessage(for: Delivery(recipient: .subscriber(subscriber), issue: assembled, renderer: loaded.renderer))
            FileHandle.standardOutput.write(message)
        case .text, .html, .markdown, .print:
            print(loaded.renderer.render(assembled, as: DigestFormat(rawValue: format.rawValue)!), terminator: "")
        }
    }
}

extension PreviewCommand {
    /// The window the issue dated `date` has or would have: from the ledger when it knows the
    /// digest's issues; from the frequency before the first issue, or for a date already past.
    private func window(of definition: DigestDefinition, on date: CivilDate, for reader: Reader, ledger: (any DeliveryLedger)?) throws -> DateWindow {
        let fallback = definition.window(endingOn: date, for: reader)
        guard let ledger,
              let issue = try ledgerCall({ try ledger.issue(of: definition.id, on: date)?.window ?? (try? ledger.window(for: definition, endingOn: date)) })
        else { return fallback }
        let lastReceived = try ledgerCall { try ledger.lastReceived(definition.id)[RecipientKey(reader.id)] }
        return definition.window(for: reader, issue: issue, lastReceived: lastReceived)
    }
}

enum PreviewFormat: String, CaseIterable, ExpressibleByArgument {
    case text, html, markdown, print, eml
}
