import Metrics

/// What readers did on the web, counted (never who): the metrics the service's `/metrics` shows.
enum WebMetrics {
    static func unsubscribed() { Counter(label: "beacon_unsubscribes_total").increment() }
    static func signedUp() { Counter(label: "beacon_signups_total").increment() }
    static func confirmedSignUp() { Counter(label: "beacon_signup_confirmations_total").increment() }
    static func changedPreferences() { Counter(label: "beacon_preference_changes_total").increment() }
}
