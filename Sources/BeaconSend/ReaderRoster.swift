public import BeaconChannelAPI
public import BeaconCore
public import BeaconLedger

/// Everyone a send writes to: the fund team's subscribers, with readers who signed up on the
/// web and confirmed joining them, and every reader's own choices (language, frequency,
/// interests, channels, a pause) applied. The files still decide who may receive what.
public enum ReaderRoster {
    /// `configuration` with the ledger's readers applied for `date`.
    public static func configuration(_ configuration: Configuration, ledger: any DeliveryLedger, on date: CivilDate) throws(LedgerError) -> Configuration {
        let choices = try ledger.readerChoices()
        return try withSignUps(configuration, ledger: ledger).withReaders(
            joining: [], choices: Dictionary(uniqueKeysWithValues: choices.map { (SubscriberID($0.key.rawValue), $0.value) }), on: date)
    }

    /// `configuration` with readers who signed up and confirmed, before anyone's own choices:
    /// everyone a reader's link can name, paused or not.
    public static func withSignUps(_ configuration: Configuration, ledger: any DeliveryLedger) throws(LedgerError) -> Configuration {
        let signedUp = try ledger.confirmedSignUps().compactMap { $0.subscriber(in: configuration.settings.timeZone) }
        return configuration.withReaders(joining: signedUp, choices: [:], on: CivilDate(year: 2000, month: 1, day: 1)!)
    }

    /// The reader a link names, at their current address; nil when the files (or confirmed
    /// sign-ups) no longer hold them, or a network no longer has a list.
    public static func recipient(_ reader: AddresseeID, in configuration: Configuration, ledger: any DeliveryLedger) throws(LedgerError) -> Recipient? {
        switch reader {
        case .mailingList(let network):
            guard let audience = configuration.audience(network), let list = audience.listAddress else { return nil }
            return .mailingList(Edition(audience: audience, sector: nil, language: .both), address: list)
        case .subscriber(let id):
            return try withSignUps(configuration, ledger: ledger).subscriber(id).map(Recipient.subscriber)
        }
    }
}
