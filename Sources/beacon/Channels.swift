import BeaconCore

/// The delivery channels this build of Beacon wires in. The executable is the only place
/// that knows them; digest definitions name them by these type names.
enum Channels {
    static let available: Set<ChannelName> = []
}
