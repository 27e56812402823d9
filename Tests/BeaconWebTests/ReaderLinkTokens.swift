import BeaconChannelAPI
import BeaconCore
import BeaconReaderLinks

/// Tokens the service signs, made as the email channel makes them.
enum ReaderLinkTokens {
    static func webCopy(_ fixture: WebFixture, _ subscriber: String, _ digest: String, _ date: String) -> String {
        ReaderLink.webCopy(reader: .subscriber(SubscriberID(subscriber)), digest: DigestID(digest), issueDate: CivilDate(parsing: date)!)
            .signed(with: fixture.keys)
    }
}
