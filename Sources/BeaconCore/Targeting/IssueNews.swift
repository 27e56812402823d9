extension Configuration {
    /// Whether anything happened in `window` that `definition` reports: an update, lesson,
    /// evaluation, approval or notice in its funds, or for network digests an open or newly
    /// closed action. An issue without any is recorded but sent only if the digest asks. Needs
    /// none of the assembler's matchmaking, so it asks the register directly.
    public func hasNews(_ definition: DigestDefinition, in window: DateWindow) -> Bool {
        let inFunds = { (fund: FundID) in definition.funds.isEmpty || definition.funds.contains(fund) }
        let projects = register.projects.filter { inFunds($0.fund) && $0.approvedOn < window.end }
        let ids = Set(projects.map(\.id))
        if register.updates.contains(where: { ids.contains($0.project) && window.contains($0.reportedOn) }) { return true }
        if register.lessons.contains(where: { ids.contains($0.project) && window.contains($0.recordedOn) }) { return true }
        if projects.contains(where: { window.contains($0.approvedOn) || ($0.evaluation.publishedOn.map(window.contains) ?? false) }) { return true }
        if definition.sections.contains(.notices),
           register.notices.contains(where: { inFunds($0.fund) && window.contains($0.publishedOn) }) { return true }
        let networks = Set(definition.audiences)
        return definition.sections.contains(.actions) && register.actions.contains { action in
            networks.contains(action.network) && (action.status == .open || (action.closedOn.map(window.contains) ?? false))
        }
    }
}
