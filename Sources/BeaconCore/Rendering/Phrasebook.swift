/// Every fixed phrase a reader sees, in Welsh and English. Kept in one place so a translator
/// can review the Welsh as a whole.
struct Phrasebook {
    let language: Language

    /// Only the language in use is worded: formatting money and dates for both cost as much again.
    private func pick(_ english: @autoclosure () -> String, _ welsh: @autoclosure () -> String) -> String {
        language == .welsh ? welsh() : english()
    }

    func text(_ localized: LocalizedText) -> String { localized.resolved(in: language).text }

    // MARK: Dates and money

    func date(_ date: CivilDate) -> String { DateWording.date(date, in: language) }
    func monthYear(_ date: CivilDate) -> String { DateWording.monthYear(date, in: language) }

    // MARK: Page

    var bilingualNote: String {
        pick("This digest is in Welsh and English; the English follows the Welsh.",
             "Mae'r crynodeb hwn yn Gymraeg ac yn Saesneg; mae'r Saesneg yn dilyn y Gymraeg.")
    }
    var languageName: String { pick("English", "Cymraeg") }
    var untranslated: String { pick("not yet translated", "Saesneg yn unig") }

    func issueLine(_ window: DateWindow, issueDate: CivilDate) -> String {
        let last = window.end.adding(days: -1)
        return pick("Issue of \(date(issueDate)) · news from \(date(window.start)) to \(date(last))",
                    "Rhifyn \(date(issueDate)) · newyddion o \(date(window.start)) i \(date(last))")
    }

    func preparedFor(_ name: String, organisation: String?) -> String {
        let who = [name, organisation].compactMap { $0 }.joined(separator: ", ")
        return pick("Prepared for \(who)", "Wedi'i baratoi ar gyfer \(who)")
    }

    var nothingNew: String { pick("Nothing new for you in this period.", "Dim byd newydd i chi yn y cyfnod hwn.") }

    func more(_ count: Int) -> String {
        pick("\(count) more \(count == 1 ? "item" : "items") did not fit on this page; the fund team can send the full list.",
             "Nid oedd lle i \(count) eitem arall ar y dudalen hon; gall tîm y gronfa anfon y rhestr lawn.")
    }

    func fundTeam(_ team: FundTeam) -> String {
        let details = [text(team.name), team.email, team.phone].compactMap { $0 }.joined(separator: ", ")
        return pick("Questions about the fund: \(details)", "Cwestiynau am y gronfa: \(details)")
    }

    var unsubscribe: String {
        pick("To stop receiving this digest", "I roi'r gorau i gael y crynodeb hwn")
    }
    var unsubscribeAction: String { pick("unsubscribe", "dad-danysgrifio") }
    var webCopy: String {
        pick("To read this digest in a web browser", "I ddarllen y crynodeb hwn mewn porwr gwe")
    }
    var webCopyAction: String { pick("open the web copy", "agor y copi ar y we") }

    // MARK: Sections

    func heading(_ section: DigestSection) -> String {
        switch section {
        case .fundFigures: pick("The fund at a glance", "Y gronfa ar gip")
        case .actions: pick("Network actions", "Camau gweithredu'r rhwydwaith")
        case .highlights: pick("New since the last issue", "Newydd ers y rhifyn diwethaf")
        case .similarProjects: pick("Similar projects elsewhere: who to call", "Prosiectau tebyg mewn mannau eraill: pwy i'w ffonio")
        case .notices: pick("Dates for your diary", "Dyddiadau i'r dyddiadur")
        }
    }

    func figuresHeading(_ programme: LocalizedText) -> String {
        pick("\(text(programme)) at a glance", "\(text(programme)) ar gip")
    }

    var savingsChart: String { pick("Savings achieved so far by the projects above", "Arbedion a gyflawnwyd hyd yma gan y prosiectau uchod") }
    var projectsBySector: String { pick("Projects by sector", "Prosiectau fesul sector") }
    var allProjects: String { pick("All projects", "Pob prosiect") }
    var yourOrganisation: String { pick("Your organisation", "Eich sefydliad") }

    func figures(_ line: FundFigures.Line) -> String {
        let projects = pick("\(line.projects) \(line.projects == 1 ? "project" : "projects")", "\(line.projects) prosiect")
        return pick("\(projects), \(line.invested.formatted) invested, \(line.achievedSavings.formatted) saved so far of \(line.projectedSavings.formatted) projected",
                    "\(projects), \(line.invested.formatted) wedi'i fuddsoddi, \(line.achievedSavings.formatted) wedi'i arbed hyd yma o \(line.projectedSavings.formatted) a ragwelir")
    }

    // MARK: Items

    func label(_ content: DigestItem.Content, issueDate: CivilDate) -> String {
        switch content {
        case .news(_, let news):
            if news.newlyEvaluated {
                pick("Evaluation published", "Gwerthusiad wedi'i gyhoeddi")
            } else if !news.lessons.isEmpty {
                pick("Lesson learnt", "Gwers a ddysgwyd")
            } else if news.newlyApproved {
                pick("New project", "Prosiect newydd")
            } else {
                pick("Progress", "Cynnydd")
            }
        case .similar: pick("Similar project", "Prosiect tebyg")
        case .notice(let notice): text(notice.kind.label)
        case .action(let action, _):
            switch action.status {
            case .open: action.isOverdue(on: issueDate) ? pick("Overdue action", "Cam gweithredu hwyr") : pick("Open action", "Cam gweithredu agored")
            case .done: pick("Action done", "Cam gweithredu wedi'i gwblhau")
            case .dropped: pick("Action dropped", "Cam gweithredu wedi'i ollwng")
            }
        }
    }

    var whatWorked: String { pick("What worked", "Beth weithiodd") }
    var whatWentWrong: String { pick("What went wrong", "Beth aeth o'i le") }
    var howOvercome: String { pick("How it was overcome", "Sut y goresgynnwyd hyn") }
    var status: String { pick("Status", "Statws") }
    var nextSteps: String { pick("Next steps", "Camau nesaf") }
    var savingsToDate: String { pick("Savings to date", "Arbedion hyd yma") }
    var evaluationFound: String { pick("What the evaluation found", "Beth a ganfu'r gwerthusiad") }
    var similarTo: String { pick("Similar to", "Tebyg i") }
    var owner: String { pick("Owner", "Perchennog") }
    var due: String { pick("Due", "Erbyn") }
    var why: String { pick("Why", "Pam") }
    var contact: String { pick("Contact", "Cyswllt") }
    var moreAt: String { pick("More", "Rhagor") }

    func investment(_ project: Project) -> String {
        pick("\(project.investment.formatted) from the fund; \(project.projectedSavings.formatted) savings projected",
             "\(project.investment.formatted) o'r gronfa; rhagwelir arbedion o \(project.projectedSavings.formatted)")
    }

    func stale(since date: CivilDate) -> String {
        pick("contact not confirmed since \(monthYear(date)); check before calling",
             "cyswllt heb ei gadarnhau ers \(monthYear(date)); gwiriwch cyn ffonio")
    }

    func reason(_ reason: Reason, themes: (ThemeID) -> LocalizedText) -> String {
        func themeList(_ ids: [ThemeID]) -> String { ids.map { text(themes($0)) }.joined(separator: ", ") }
        switch reason {
        case .yourOrganisation: return pick("your organisation", "eich sefydliad chi")
        case .sameSector(let sector): return pick("same sector (\(text(sector.label)))", "yr un sector (\(text(sector.label)))")
        case .crossSector(let sector): return pick("cross-sector idea from \(text(sector.label))", "syniad traws-sector: \(text(sector.label))")
        case .sameRegion(let region): return pick("same region (\(text(region.label)))", "yr un rhanbarth (\(text(region.label)))")
        case .similarOrganisation: return pick("an organisation like yours", "sefydliad tebyg i'ch un chi")
        case .sharedInterest(let ids): return pick("your interest: \(themeList(ids))", "eich diddordeb: \(themeList(ids))")
        case .networkSector(let sector): return pick("network sector: \(text(sector.label))", "sector y rhwydwaith: \(text(sector.label))")
        case .networkTheme(let ids): return pick("network theme: \(themeList(ids))", "thema'r rhwydwaith: \(themeList(ids))")
        case .newlyEvaluated: return pick("newly evaluated", "newydd ei werthuso")
        case .independentlyEvaluated: return pick("independently evaluated", "wedi'i werthuso'n annibynnol")
        case .internallyEvaluated: return pick("evaluated internally", "wedi'i werthuso'n fewnol")
        case .savingsAchieved(let amount): return pick("\(amount.formatted) saved so far", "\(amount.formatted) wedi'i arbed hyd yma")
        case .atRisk: return pick("at risk", "mewn perygl")
        case .newlyApproved: return pick("newly approved", "newydd ei gymeradwyo")
        case .similarToYours(let title): return pick("like your project “\(text(title))”", "tebyg i'ch prosiect “\(text(title))”")
        case .similarElsewhere(let organisation): return pick("similar work at \(organisation)", "gwaith tebyg yn \(organisation)")
        case .overdue(let days): return pick("overdue by \(days) \(days == 1 ? "day" : "days")", "\(days) diwrnod yn hwyr")
        case .dueOn(let date): return pick("due \(self.date(date))", "erbyn \(self.date(date))")
        case .closed(let status):
            return status == .dropped ? pick("dropped since the last meeting", "wedi'i ollwng ers y cyfarfod diwethaf")
                : pick("done since the last meeting", "wedi'i gwblhau ers y cyfarfod diwethaf")
        case .forYourSector: return pick("for your sector", "ar gyfer eich sector")
        case .comingUp(let date): return pick("on \(self.date(date))", "ar \(self.date(date))")
        }
    }
}
