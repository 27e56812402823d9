import Foundation
import Yams

/// Reads `beacon.yml` and applies `BEACON_…` environment overrides.
enum SettingsLoader {
    static let keys: [String] = [
        "programme.en", "programme.cy",
        "fund_team.name.en", "fund_team.name.cy", "fund_team.email", "fund_team.phone",
        "time_zone", "data", "register", "audiences", "subscribers", "digests", "templates",
        "stale_contact_months", "public_base_url",
    ]

    /// Variables that are not settings but are read elsewhere, so they are not reported as unknown.
    static let otherVariables: Set<String> = ["BEACON_CONFIG"]

    static func defaultEnvironmentName(of key: String) -> String {
        "BEACON_" + String(key.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func load(
        file: URL, displayName: String, environment: [String: String], sections: [SettingsSectionSpec],
        ignoringOtherSections: Bool, diagnostics: Diagnostics
    ) -> Settings? {
        guard let root = YAMLFile.root(url: file, displayName: displayName, limit: .definitions, diagnostics: diagnostics) else { return nil }
        guard root.mapping != nil else {
            diagnostics.report(.wrongShape(expected: "settings as key: value lines"), at: SourceLocation(file: displayName))
            return nil
        }
        var environmentNames = Dictionary(uniqueKeysWithValues: keys.map { ($0, defaultEnvironmentName(of: $0)) })
        for section in sections {
            for key in section.keys {
                environmentNames[section.name + "." + key] = section.environmentNames[key] ?? defaultEnvironmentName(of: section.name + "." + key)
            }
        }
        let secrets = Set(sections.flatMap(\.secretVariables))
        let secretPrefixes = sections.flatMap(\.secretPrefixes)
        var settingsNode = root
        if ignoringOtherSections, case .mapping(let mapping) = root {
            // A channel tested on its own does not know the other channels' sections.
            let prefixes = Set(environmentNames.keys.map { String($0.prefix { $0 != "." }) })
            settingsNode = .mapping(Node.Mapping(mapping.filter { key, value in value.mapping == nil || prefixes.contains(key.string ?? "") }))
        }
        let yaml = YAMLRecordSource(file: displayName, node: settingsNode, known: Set(environmentNames.keys), diagnostics: diagnostics)
        let source = SettingsSource(
            yaml: yaml, environmentNames: environmentNames,
            overrides: overrides(
                from: environment, names: environmentNames,
                isSecret: { name in secrets.contains(name) || secretPrefixes.contains(where: name.hasPrefix) },
                diagnostics: diagnostics))
        let reader = RecordReader(source: source, diagnostics: diagnostics)
        let configFolder = file.deletingLastPathComponent()

        let currentFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        func base(_ key: String) -> URL { source.overrides[key] != nil ? currentFolder : configFolder }
        func path(_ key: String, default fallback: String) -> URL {
            URL(fileURLWithPath: reader.string(key, required: false, length: .path) ?? fallback, relativeTo: base(key)).standardizedFileURL
        }

        let programme = reader.localized("programme")
        let teamName = reader.localized("fund_team.name")
        let teamEmail = reader.email("fund_team.email")
        let teamPhone = reader.string("fund_team.phone", required: false)
        var timeZone = TimeZone(identifier: "Europe/London")!
        if let name = reader.string("time_zone", required: false) {
            if let zone = TimeZone(identifier: name) { timeZone = zone } else { reader.report(.badTimeZone(name), "time_zone") }
        }
        let subscriberFiles = (source.list("subscribers") ?? ["subscribers.yml"]).map { text in
            URL(fileURLWithPath: text, relativeTo: base("subscribers")).standardizedFileURL
        }
        var sectionValues: [String: SettingsSectionValues] = [:]
        for section in sections {
            var entries: [String: SettingsSectionValues.Entry] = [:]
            for key in section.keys {
                let path = section.name + "." + key
                guard let text = source.text(path) else { continue }
                entries[key] = .init(text: text, location: source.location(of: path), base: base(path))
            }
            sectionValues[section.name] = SettingsSectionValues(name: section.name, entries: entries, file: displayName)
        }
        let staleMonths = reader.positiveInt("stale_contact_months") ?? 12
        let baseURL = reader.url("public_base_url")

        guard let programme, let teamName, let teamEmail else { return nil }
        return Settings(
            programme: programme,
            fundTeam: FundTeam(name: teamName, email: teamEmail, phone: teamPhone),
            timeZone: timeZone,
            dataFolder: path("data", default: "../Digests"),
            registerFolder: path("register", default: "register"),
            audiencesFile: path("audiences", default: "audiences.yml"),
            subscriberFiles: subscriberFiles,
            digestsFile: path("digests", default: "digests.yml"),
            templatesFolder: path("templates", default: "templates"),
            staleContactMonths: staleMonths,
            publicBaseURL: baseURL,
            sections: sectionValues)
    }

    private static func overrides(
        from environment: [String: String], names: [String: String], isSecret: (String) -> Bool, diagnostics: Diagnostics
    ) -> [String: String] {
        let byName = Dictionary(names.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var overrides: [String: String] = [:]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("BEACON_") {
            if let key = byName[name] {
                overrides[key] = value
            } else if !otherVariables.contains(name), !isSecret(name) {
                diagnostics.report(.unknownEnvironmentVariable(name), at: SourceLocation(file: "environment", field: name))
            }
        }
        return overrides
    }
}

/// Settings from the file, with environment variables taking precedence key by key.
private struct SettingsSource: FieldSource {
    let yaml: YAMLRecordSource
    let environmentNames: [String: String]
    let overrides: [String: String]

    var recordLocation: SourceLocation { yaml.recordLocation }

    func location(of field: String) -> SourceLocation {
        overrides[field] != nil
            ? SourceLocation(file: "environment", field: environmentNames[field] ?? field)
            : yaml.location(of: field)
    }

    func has(_ field: String) -> Bool { overrides[field] != nil || yaml.has(field) }
    func text(_ field: String) -> String? { overrides[field] ?? yaml.text(field) }
    func list(_ field: String) -> [String]? { overrides[field].map(Self.splitList) ?? yaml.list(field) }
    func localizedNames(_ base: String) -> (english: String, welsh: String) { yaml.localizedNames(base) }
}
