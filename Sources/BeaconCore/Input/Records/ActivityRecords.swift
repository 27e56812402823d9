extension ProgressUpdate {
    static let columns = CSVTable.Columns(
        required: ["update_id", "project_id", "reported_on", "milestone_en", "rag"],
        optional: ["milestone_cy", "savings_to_date", "next_steps_en", "next_steps_cy"])

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<ProgressUpdate>, projects: Set<ProjectID>) -> ProgressUpdate? {
        let id = ids.claim("update_id", in: reader)
        let project = reader.reference("project_id", in: projects, kind: "project in projects.csv")
        let reportedOn = reader.date("reported_on")
        let milestone = reader.localized("milestone", multiline: true)
        let rag: RAGStatus? = reader.choice("rag")
        let savings = reader.money("savings_to_date", required: false)
        let nextSteps = reader.localized("next_steps", required: false, multiline: true)
        guard let id, let project, let reportedOn, let milestone, let rag else { return nil }
        return ProgressUpdate(
            id: id, project: project, reportedOn: reportedOn, milestone: milestone, rag: rag,
            savingsToDate: savings, nextSteps: nextSteps)
    }
}

extension Lesson {
    static let columns = CSVTable.Columns(
        required: ["lesson_id", "project_id", "recorded_on"],
        optional: ["worked_en", "worked_cy", "went_wrong_en", "went_wrong_cy", "overcome_en", "overcome_cy"])

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<Lesson>, projects: Set<ProjectID>) -> Lesson? {
        let id = ids.claim("lesson_id", in: reader)
        let project = reader.reference("project_id", in: projects, kind: "project in projects.csv")
        let recordedOn = reader.date("recorded_on")
        let worked = reader.localized("worked", required: false, multiline: true)
        let wentWrong = reader.localized("went_wrong", required: false, multiline: true)
        let overcome = reader.localized("overcome", required: false, multiline: true)
        if worked == nil, wentWrong == nil {
            reader.report(.inconsistent("a lesson needs worked_en or went_wrong_en"), "worked_en")
            return nil
        }
        guard let id, let project, let recordedOn else { return nil }
        return Lesson(id: id, project: project, recordedOn: recordedOn, worked: worked, wentWrong: wentWrong, overcome: overcome)
    }
}

extension Notice {
    static let columns = CSVTable.Columns(
        required: ["notice_id", "fund_id", "kind", "title_en", "published_on"],
        optional: ["title_cy", "details_en", "details_cy", "event_on", "sectors", "link"])

    static func decode(_ reader: RecordReader, ids: inout UniqueIDs<Notice>, funds: Set<FundID>) -> Notice? {
        let id = ids.claim("notice_id", in: reader)
        let fund = reader.reference("fund_id", in: funds, kind: "fund in funds.csv")
        let kind: Kind? = reader.choice("kind")
        let title = reader.localized("title")
        let details = reader.localized("details", required: false, multiline: true)
        let publishedOn = reader.date("published_on")
        let eventOn = reader.date("event_on", required: false)
        let sectors: [Sector] = reader.choices("sectors")
        let link = reader.url("link")
        guard let id, let fund, let kind, let title, let publishedOn else { return nil }
        return Notice(
            id: id, fund: fund, kind: kind, title: title, details: details, publishedOn: publishedOn,
            eventOn: eventOn, sectors: sectors, link: link)
    }
}

extension NetworkAction {
    static let columns = CSVTable.Columns(
        required: ["action_id", "network_id", "action_en", "owner", "raised_on", "due_on", "status"],
        optional: ["action_cy", "closed_on", "project_id"])

    static func decode(
        _ reader: RecordReader, ids: inout UniqueIDs<NetworkAction>, networks: Set<AudienceID>, projects: Set<ProjectID>
    ) -> NetworkAction? {
        let id = ids.claim("action_id", in: reader)
        let network = reader.reference("network_id", in: networks, kind: "network in audiences.yml")
        let action = reader.localized("action", multiline: true)
        let owner = reader.string("owner")
        let raisedOn = reader.date("raised_on")
        let dueOn = reader.date("due_on")
        let status: Status? = reader.choice("status")
        let closedOn = reader.date("closed_on", required: false)
        let project = reader.reference("project_id", in: projects, kind: "project in projects.csv", required: false)
        if let status {
            if status == .open, closedOn != nil {
                reader.report(.inconsistent("closed_on is filled in but the status is \"open\""), "closed_on")
            } else if status != .open, closedOn == nil {
                reader.report(.inconsistent("closed_on is required when the status is \"\(status.rawValue)\""), "closed_on")
            }
        }
        if let raisedOn, let dueOn, dueOn < raisedOn {
            reader.report(.inconsistent("due_on \(dueOn) is before raised_on \(raisedOn)"), "due_on")
        }
        guard let id, let network, let action, let owner, let raisedOn, let dueOn, let status else { return nil }
        return NetworkAction(
            id: id, network: network, action: action, owner: owner, raisedOn: raisedOn, dueOn: dueOn,
            status: status, closedOn: closedOn, project: project)
    }
}
