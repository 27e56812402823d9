import Metrics

/// What readers did that the fund team counts, never who did it: each a Prometheus counter on
/// `/metrics`, counted by the reader pages through swift-metrics.
enum ReaderEvent: String, CaseIterable, Sendable {
    case unsubscribe = "beacon_unsubscribes_total"
    case signUp = "beacon_signups_total"
    case signUpConfirmation = "beacon_signup_confirmations_total"
    case preferenceChange = "beacon_preference_changes_total"

    func count() {
        Counter(label: rawValue).increment()
    }
}
