import ArgumentParser
import BeaconCore
import BeaconEmail

struct UnsubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsubscribe",
        abstract: "Check an unsubscribe request and say whose it is.",
        discussion: """
            Readers unsubscribe by mailing the unsubscribe address with the subject \
            "unsubscribe TOKEN" (their mail client does this from the List-Unsubscribe header or \
            the link at the foot of each digest). Give the TOKEN here: Beacon checks its \
            signature, so nobody can unsubscribe someone else, and names the reader and digest \
            to mark as unsubscribed_on in the subscriber file.
            """)

    @Argument(help: "The token from the request's subject or link.")
    var token: String

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let loaded = try Loaded(options)
        guard let email = loaded.channels[EmailChannel.name] as? EmailChannel else { throw ExitCode(1) }
        guard let request = UnsubscribeToken.verify(token, with: try email.unsubscribeSecret()) else {
            throw ValidationError("this token was not made by this Beacon (or was changed): ignore the request")
        }
        if request.subscriber.rawValue.hasPrefix("list:") {
            print("Genuine request to stop sending \(request.digest) to the mailing list of \(request.subscriber.rawValue.dropFirst(5)): remove its list_address in audiences.yml, or take the digest's email channel away.")
            return
        }
        guard let subscriber = loaded.configuration.subscriber(request.subscriber) else {
            print("Genuine request from \(request.subscriber), who is no longer in the subscriber files; nothing to do.")
            return
        }
        print("""
            Genuine request: \(subscriber.name) <\(subscriber.email)> (\(subscriber.id)) asks to stop receiving \(request.digest).
            Set unsubscribed_on to today's date for \(subscriber.id) in the subscriber file.
            """)
    }
}
