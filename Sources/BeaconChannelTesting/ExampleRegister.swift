public import BeaconChannelAPI
public import BeaconCore
import BeaconSend
public import Foundation

/// The package's example `Config/`, loaded with its data folder in a new temporary folder
/// (removed with the value), and the deliveries of its digests: what a channel's test delivers
/// and reads back.
public final class ExampleRegister: Sendable {
    /// The package's root folder, where `Config/` is.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public let configuration: Configuration
    public let environment: [String: String]
    public let renderer: DigestRenderer
    /// Where the channel writes.
    public let data: URL

    /// Holds the data folder, and the edited copy of `Config/` if there is one.
    private let folder: URL

    /// Loads the example with the settings sections `sections` (a channel's own) and `extra`
    /// environment, reading other channels' sections without checking them. With `edit`, a
    /// copy of `Config/` is edited first (the folder is passed in) and loaded instead. With
    /// `channel`, every example digest also goes by that channel, as a new channel's
    /// maintainer would set it in `digests.yml`.
    public convenience init(
        sections: [SettingsSectionSpec] = [], environment extra: [String: String] = [:], channel: ChannelName
    ) throws {
        try self.init(sections: sections, environment: extra) { config in
            let digests = config.appendingPathComponent("digests.yml")
            let text = try String(contentsOf: digests, encoding: .utf8)
            try text.replacingOccurrences(of: "channels: [", with: "channels: [\(channel.rawValue), ")
                .write(to: digests, atomically: true, encoding: .utf8)
        }
    }

    public init(
        sections: [SettingsSectionSpec] = [], environment extra: [String: String] = [:], edit: ((URL) throws -> Void)? = nil
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-example-\(UUID().uuidString)")
        data = folder.appendingPathComponent("Digests")
        var settingsFile = Self.packageRoot.appendingPathComponent("Config/beacon.yml")
        if let edit {
            let config = folder.appendingPathComponent("Config")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Config"), to: config)
            try edit(config)
            settingsFile = config.appendingPathComponent("beacon.yml")
        }
        self.folder = folder
        environment = ["BEACON_DATA": data.path].merging(extra) { _, new in new }
        configuration = try ConfigurationLoader.load(
            settingsFile: settingsFile, environment: environment, sections: sections, ignoringOtherSections: true).configuration
        renderer = try DigestRenderer(configuration: configuration)
    }

    public func digest(_ id: String) -> DigestDefinition? { configuration.digest(DigestID(id)) }

    /// Every delivery of `digest` over a channel of `name` and `reach`, for the issue dated
    /// `date` with the window its frequency gives, each assembled when the channel asks for it.
    public func deliveries(of digest: DigestDefinition, over name: ChannelName, reach: ChannelReach, on date: CivilDate) -> some Sequence<Delivery> {
        configuration.deliveries(of: digest, over: name, reach: reach, on: date, renderer: renderer)
    }

    /// The same, for a channel made from this configuration.
    public func deliveries(of digest: DigestDefinition, over channel: any Channel, on date: CivilDate) -> some Sequence<Delivery> {
        deliveries(of: digest, over: channel.name, reach: channel.reach, on: date)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Configuration {
    /// Every delivery of `digest` over a channel of `name` and `reach`, for the issue dated
    /// `date` with the window its frequency gives, each assembled when the channel asks for it:
    /// for a test's own configuration.
    public func deliveries(
        of digest: DigestDefinition, over name: ChannelName, reach: ChannelReach, on date: CivilDate, renderer: DigestRenderer
    ) -> some Sequence<Delivery> {
        DeliveryPlanner(configuration: self, renderer: renderer).deliveries(of: digest, over: name, reach: reach, on: date)
    }
}
