import ArgumentParser
import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import Foundation

struct UnsubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsubscribe",
        abstract: "Record that a reader wants no more digests: from their unsubscribe token, or an address.",
        discussion: """
            Readers unsubscribe from their mail client (the List-Unsubscribe header) or the link \
            at the foot of each digest; either carries a signed TOKEN. Give the TOKEN here and \
            Beacon checks the signature, so nobody can unsubscribe someone else, then records a \
            suppression for that reader and digest in the ledger. Give an ADDRESS instead when a \
            reader asks the fund team directly: it stops every digest (or only --digest). From \
            the next issue on they get nothing, even though the subscriber file still lists them. \
            --undo ADDRESS lifts every suppression of that address (or only --digest's), \
            including ones the reader made with their link, for a reader who asks to come back; \
            the ledger keeps the record of both.
            """)

    @Argument(help: ArgumentHelp("The token from the request's subject or link, or an email address.", valueName: "address-or-token"))
    var addressOrToken: String

    @Option(help: "With an address: stop (or with --undo, restart) only this digest.")
    var digest: String?

    @Flag(help: "With an address: lift its suppression, so the reader gets digests again.")
    var undo = false

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let loaded = try Loaded(options, recording: true)
        let configuration = loaded.configuration
        guard let ledger = loaded.ledger else { throw ExitCode(1) }
        if addressOrToken.contains("@") {
            let address = addressOrToken.trimmingCharacters(in: .whitespaces)
            if let problem = EmailAddress.problem(with: address) {
                throw ValidationError("\(address) is not an email address: \(problem)")
            }
            let digestID = try digest.map { try configuration.digest(named: $0).id }
            if undo {
                let lifted = try ledgerCall { try ledger.unsuppress(address, digest: digestID, at: Date()) }
                let everything = try ledgerCall { try ledger.suppressions() }.contains {
                    $0.address == address.lowercased() && $0.digest == nil && $0.liftedAt == nil
                }
                if everything {
                    print("\(address) is still unsubscribed from every digest; run `beacon unsubscribe --undo \(address)` without --digest to lift that.")
                } else {
                    print(lifted == 0
                        ? "\(address) was not unsubscribed\(digestID.map { " from \($0)" } ?? ""); nothing changed."
                        : "Lifted: \(address) gets \(digestID.map { "issues of \($0)" } ?? "digests") again from the next issue.")
                }
                return
            }
            try ledgerCall { try ledger.suppress(address, reader: nil, digest: digestID, how: "operator", at: Date()) }
            print("Recorded: \(address) gets no more \(digestID.map { "issues of \($0)" } ?? "digests").")
            return
        }
        if undo { throw ValidationError("--undo takes the reader's address, not a token") }
        let verifiers = loaded.channels.values.compactMap { $0 as? any UnsubscribeTokenVerifier }
        guard let request = try verifiers.lazy.compactMap({ try $0.verifyUnsubscribeToken(addressOrToken) }).first else {
            throw ValidationError("this token was not made by this Beacon (or was changed): ignore the request")
        }
        // The reader's current address: from the files, or a confirmed sign-up on the web.
        guard let address = try ledgerCall({ try ReaderRoster.recipient(request.reader, in: configuration, ledger: ledger) })?.email else {
            print("Genuine request for \(request.reader), who is no longer in the subscriber files (or a network without a list_address); nothing to do.")
            return
        }
        try ledgerCall { try ledger.suppress(address, reader: RecipientKey(request.reader.key), digest: request.digest, how: "token", at: Date()) }
        print("Recorded: \(address) (\(request.reader)) gets no more issues of \(request.digest).")
    }
}
