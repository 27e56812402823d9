/// Warnings that need the whole configuration and a date: things that will not stop a run
/// but that the fund team should fix before readers notice.
public enum ConfigurationReview {
    public static func warnings(_ configuration: Configuration, asOf date: CivilDate) -> [Diagnostic] {
        let settings = configuration.settings
        var warnings: [Diagnostic] = []
        let projectsFile = ConfigurationLoader.displayName(settings.registerFolder.appendingPathComponent("projects.csv"))
        let staleLimit = date.adding(months: -settings.staleContactMonths)
        for project in configuration.register.projects where project.contact.confirmedOn < staleLimit && project.status != .withdrawn {
            warnings.append(Diagnostic(
                location: SourceLocation(file: projectsFile, field: "contact_confirmed_on"),
                problem: .staleContact(project: project.id.rawValue, name: project.contact.name, confirmedOn: project.contact.confirmedOn, months: settings.staleContactMonths)))
        }
        let digestsFile = ConfigurationLoader.displayName(settings.digestsFile)
        let servedAudiences = Set(configuration.digests.flatMap(\.audiences))
        for subscriber in configuration.subscribers where subscriber.isReachable && !servedAudiences.contains(subscriber.audience) {
            warnings.append(Diagnostic(
                location: SourceLocation(file: "subscribers", field: subscriber.id.rawValue), problem: .unreachedSubscriber))
        }
        for digest in configuration.digests {
            let readers = configuration.subscribers(of: digest).filter(\.isReachable)
            let hasNetwork = digest.audiences.contains { configuration.audience($0)?.kind == .network }
            if readers.isEmpty, !hasNetwork {
                warnings.append(Diagnostic(location: SourceLocation(file: digestsFile, field: digest.id.rawValue), problem: .noReachableReaders))
            }
        }
        return warnings
    }

    /// Channel type names no module provides: errors, since a misspelt channel sends nothing.
    public static func unknownChannels(_ configuration: Configuration, available: Set<ChannelName>) -> [Diagnostic] {
        let digestsFile = ConfigurationLoader.displayName(configuration.settings.digestsFile)
        return configuration.digests.flatMap { digest in
            digest.channels.filter { !available.contains($0) }.map { channel in
                Diagnostic(
                    location: SourceLocation(file: digestsFile, field: "\(digest.id).channels"),
                    problem: .unknownChannel(channel.rawValue, known: available.map(\.rawValue).sorted()))
            }
        }
    }
}
