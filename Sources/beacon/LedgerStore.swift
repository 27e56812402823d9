import BeaconCore
import BeaconChannelAPI
import BeaconLedger
import BeaconSend
import BeaconSQLiteLedger
import Foundation

/// Which ledger the settings name, opened for what a command does with it.
enum LedgerStore {
    enum Purpose {
        /// Only reads: the existing ledger, if there is one.
        case reading
        /// Records (an unsubscribe): made if need be.
        case recording
        /// Sends: made if need be, and every page checked first.
        case sending
    }

    static func open(_ settings: Settings, purpose: Purpose) throws(LedgerError) -> (any DeliveryLedger)? {
        let folder = settings.dataFolder
        switch purpose {
        case .reading: return try SQLiteLedger.existing(in: folder)
        case .recording: return try SQLiteLedger(folder: folder)
        case .sending: return try SQLiteLedger(folder: folder, checkingPages: true)
        }
    }
}
