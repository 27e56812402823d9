public import Foundation

/// A channel's own part of `beacon.yml` (`email:` and the keys under it), declared by the
/// channel so the core can check the keys without knowing what they mean.
public struct SettingsSectionSpec: Sendable {
    public let name: String
    /// Keys inside the section, dotted for nesting (`smtp.url`).
    public let keys: [String]
    /// Environment variables for keys whose name is not the default `BEACON_<SECTION>_<KEY>`.
    public let environmentNames: [String: String]
    /// Variables the channel reads itself and that never appear in the file (passwords, keys).
    public let secretVariables: [String]
    /// Prefixes of such variables when there is one per audience (`BEACON_WEBHOOK_` + network).
    public let secretPrefixes: [String]

    public init(
        name: String, keys: [String], environmentNames: [String: String] = [:], secretVariables: [String] = [],
        secretPrefixes: [String] = []
    ) {
        self.name = name
        self.keys = keys
        self.environmentNames = environmentNames
        self.secretVariables = secretVariables
        self.secretPrefixes = secretPrefixes
    }
}

/// The values of one section, with where each came from. Read it with `SettingsSectionReader`.
public struct SettingsSectionValues: Sendable {
    struct Entry: Sendable {
        let text: String
        let location: SourceLocation
        /// Relative paths are taken from here: the settings file's folder, or the current one
        /// for values from the environment.
        let base: URL
    }

    let name: String
    let entries: [String: Entry]
    let file: String
}

/// Reads a section's values with the same rules and messages as the rest of the configuration,
/// collecting every problem for `beacon check`.
public final class SettingsSectionReader {
    private let reader: RecordReader
    private let values: SettingsSectionValues
    private let diagnostics = Diagnostics()

    public init(_ values: SettingsSectionValues) {
        self.values = values
        self.reader = RecordReader(source: SectionSource(values: values), diagnostics: diagnostics)
    }

    public var problems: [Diagnostic] { diagnostics.all }

    public func string(_ key: String, required: Bool = false) -> String? { reader.string(key, required: required) }
    public func email(_ key: String, required: Bool = false) -> String? { reader.email(key, required: required) }
    public func url(_ key: String) -> String? { reader.url(key) }
    public func positiveInt(_ key: String) -> Int? { reader.positiveInt(key) }
    public func bool(_ key: String) -> Bool? { reader.bool(key) }

    public func positiveNumber(_ key: String) -> Double? {
        guard let text = reader.string(key, required: false) else { return nil }
        guard let value = Double(text), value > 0, value.isFinite else {
            reader.report(.inconsistent("\(InputProblem.quoted(text)) is not a number above zero"), key)
            return nil
        }
        return value
    }

    /// A path, absolute once read; `mustExist` reports a file that is not there.
    public func path(_ key: String, mustExist: Bool = false) -> URL? {
        guard let text = reader.string(key, required: false, length: .path), let entry = values.entries[key] else { return nil }
        let url = URL(fileURLWithPath: text, relativeTo: entry.base).standardizedFileURL
        if mustExist, !FileManager.default.fileExists(atPath: url.path) {
            reader.report(.unreadableFile(reason: "no such file: \(url.path)"), key)
            return nil
        }
        return url
    }

    /// Reports a problem the channel found with a key's value.
    public func report(_ message: String, key: String) {
        reader.report(.inconsistent(message), key)
    }
}

private struct SectionSource: FieldSource {
    let values: SettingsSectionValues

    var recordLocation: SourceLocation { SourceLocation(file: values.file, field: values.name) }

    func location(of field: String) -> SourceLocation {
        values.entries[field]?.location ?? SourceLocation(file: values.file, field: "\(values.name).\(field)")
    }

    func has(_ field: String) -> Bool { values.entries[field] != nil }
    func text(_ field: String) -> String? { values.entries[field]?.text }
    func list(_ field: String) -> [String]? { text(field).map(Self.splitList) }
    func localizedNames(_ base: String) -> (english: String, welsh: String) { (base + ".en", base + ".cy") }
}
