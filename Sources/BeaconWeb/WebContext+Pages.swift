import BeaconCore
import Foundation

extension WebContext {
    var settings: Settings { configuration.settings }

    var formGuard: FormGuard {
        FormGuard(keys: linkKeys, publicBaseURL: settings.publicBaseURL, now: now)
    }

    var today: CivilDate { CivilDate.today(in: settings.timeZone, now: now()) }

    /// `public_base_url` without its last `/`, where readers' links point.
    var publicURL: String? { settings.publicURL("").map { String($0.dropLast()) } }
}
