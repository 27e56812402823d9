public import Foundation

/// Loads settings, register, audiences, subscribers and digest definitions, in the order
/// their references need, collecting every problem before deciding whether to go on.
public enum ConfigurationLoader {
    /// Throws `InvalidConfiguration` listing every error (and the warnings found on the way).
    /// On success, `warnings` holds what the operator should act on. `sections` are the channels'
    /// settings sections; a channel's own tests may pass `ignoringOtherSections` to load a
    /// configuration that also configures channels they do not link.
    public static func load(
        settingsFile: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        sections: [SettingsSectionSpec] = [], ignoringOtherSections: Bool = false
    ) throws(InvalidConfiguration) -> (configuration: Configuration, warnings: [Diagnostic]) {
        let diagnostics = Diagnostics()
        let settings = SettingsLoader.load(
            file: settingsFile, displayName: displayName(settingsFile), environment: environment, sections: sections,
            ignoringOtherSections: ignoringOtherSections, diagnostics: diagnostics)
        guard let settings else { throw InvalidConfiguration(diagnostics: diagnostics.all) }

        let register = settings.registerFolder
        var fundIDs = UniqueIDs<Fund>()
        let funds = table(register.appendingPathComponent("funds.csv"), Fund.columns, diagnostics) {
            Fund.decode($0, ids: &fundIDs)
        }
        // Each set of known ids is made once: per row, it cost a set of every project per update.
        let knownFunds = fundIDs.ids
        var themeIDs = UniqueIDs<Theme>()
        let themes = table(register.appendingPathComponent("themes.csv"), Theme.columns, diagnostics) {
            Theme.decode($0, ids: &themeIDs)
        }
        let knownThemes = themeIDs.ids
        var projectIDs = UniqueIDs<Project>()
        let projects = table(register.appendingPathComponent("projects.csv"), Project.columns, diagnostics) {
            Project.decode($0, ids: &projectIDs, funds: knownFunds, themes: knownThemes)
        }
        let knownProjects = projectIDs.ids
        var updateIDs = UniqueIDs<ProgressUpdate>()
        let updates = table(register.appendingPathComponent("updates.csv"), ProgressUpdate.columns, diagnostics) {
            ProgressUpdate.decode($0, ids: &updateIDs, projects: knownProjects)
        }
        var lessonIDs = UniqueIDs<Lesson>()
        let lessons = table(register.appendingPathComponent("lessons.csv"), Lesson.columns, diagnostics) {
            Lesson.decode($0, ids: &lessonIDs, projects: knownProjects)
        }
        var noticeIDs = UniqueIDs<Notice>()
        let notices = table(register.appendingPathComponent("notices.csv"), Notice.columns, diagnostics) {
            Notice.decode($0, ids: &noticeIDs, funds: knownFunds)
        }

        var audienceIDs = UniqueIDs<Audience>()
        let audiences = yaml(settings.audiencesFile, key: "audiences", keys: Audience.keys, limit: .definitions, diagnostics) {
            Audience.decode($0, ids: &audienceIDs, themes: knownThemes)
        }
        let knownAudiences = audienceIDs.ids
        let networks = Set(audiences.filter { $0.kind == .network }.map(\.id))
        var actionIDs = UniqueIDs<NetworkAction>()
        let actions = table(register.appendingPathComponent("actions.csv"), NetworkAction.columns, diagnostics) {
            NetworkAction.decode($0, ids: &actionIDs, networks: networks, projects: knownProjects)
        }

        var subscriberIDs = UniqueIDs<Subscriber>()
        var shared = Subscriber.SharedValues()
        var subscribers: [Subscriber] = []
        for file in settings.subscriberFiles {
            if file.pathExtension.lowercased() == "csv" {
                subscribers += table(file, Subscriber.columns, diagnostics) {
                    Subscriber.decode($0, idField: "subscriber_id", ids: &subscriberIDs, audiences: knownAudiences, themes: knownThemes)?
                        .sharing(&shared)
                }
            } else {
                subscribers += yaml(file, key: "subscribers", keys: Subscriber.yamlKeys, limit: .register, diagnostics) {
                    Subscriber.decode($0, idField: "id", ids: &subscriberIDs, audiences: knownAudiences, themes: knownThemes)?
                        .sharing(&shared)
                }
            }
        }

        var digestIDs = UniqueIDs<DigestDefinition>()
        let audiencesByID = Dictionary(audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let digests = yaml(settings.digestsFile, key: "digests", keys: DigestDefinition.keys, limit: .definitions, diagnostics) {
            DigestDefinition.decode($0, ids: &digestIDs, audiences: audiencesByID, funds: knownFunds, timeZone: settings.timeZone)
        }

        guard diagnostics.errors.isEmpty else { throw InvalidConfiguration(diagnostics: diagnostics.all) }
        let configuration = Configuration(
            settings: settings,
            register: Register(
                funds: funds, themes: themes, projects: projects, updates: updates, lessons: lessons,
                notices: notices, actions: actions),
            audiences: audiences, subscribers: subscribers, digests: digests)
        return (configuration, diagnostics.warnings)
    }

    /// Paths as the operator typed them: relative to the current folder where possible.
    public static func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    private static func table<Record>(
        _ url: URL, _ columns: CSVTable.Columns, _ diagnostics: Diagnostics, decode: (RecordReader) -> Record?
    ) -> [Record] {
        var records: [Record] = []
        CSVTable.forEachRow(url: url, displayName: displayName(url), columns: columns, diagnostics: diagnostics) { row in
            if let record = decode(RecordReader(source: row, diagnostics: diagnostics)) { records.append(record) }
        }
        return records
    }

    private static func yaml<Record>(
        _ url: URL, key: String, keys: Set<String>, limit: FileSizeLimit, _ diagnostics: Diagnostics, decode: (RecordReader) -> Record?
    ) -> [Record] {
        YAMLFile.records(url: url, displayName: displayName(url), key: key, known: keys, limit: limit, diagnostics: diagnostics)
            .compactMap { decode(RecordReader(source: $0, diagnostics: diagnostics)) }
    }
}
