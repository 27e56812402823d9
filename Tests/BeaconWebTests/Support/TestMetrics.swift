import BeaconWeb

/// The one metrics registry of the test process: swift-metrics can be bootstrapped only once.
let testMetrics = ServiceMetrics.bootstrap()
