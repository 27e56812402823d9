public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger

/// Everyone a send writes to: the fund team's subscribers, with readers who signed up on the
/// web and confirmed joining them, and every reader's own choices (language, frequency,
/// interests, channels, a pause) applied. The files still decide who may receive what.
public enum ReaderRoster {
    /// `configuration` with the ledger's readers applied for `date`.
    public static func configuration(_ configuration: Configuration, ledger: any DeliveryLedger, on date: CivilDate) throws(LedgerError) -> Configuration {
        let signedUp = try ledger.confirmedSignUps().compactMap { $0.subscriber(in: configuration.settings.timeZone) }
        let choices = try ledger.readerChoices()
        return configuration.withReaders(
            joining: signedUp, choices: Dictionary(uniqueKeysWithValues: choices.map { (SubscriberID($0.key.rawValue), $0.value) }), on: date)
    }
}
