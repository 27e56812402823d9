/// What the templates see: one page, with an edition per language in reading order (Welsh
/// first). Everything is already worded and formatted, so templates only lay it out and a
/// template override cannot get a figure or a translation wrong.
struct DigestView {
    /// Text from the register, with the language it is really in: a Welsh edition shows
    /// English where no translation exists, marked, rather than dropping it.
    struct Text {
        let text: String
        let lang: String
        let note: String?
    }

    struct Edition {
        let lang: String
        let anchor: String
        let languageName: String
        let showLanguageName: Bool
        let title: String
        let issueLine: String
        let preparedFor: String
        let figures: Figures?
        let sections: [Section]
        let nothingNew: String?
        let more: String?
        let fundTeam: String
        let unsubscribe: Unsubscribe?
        /// Where this reader's copy can be read on the web; the same parts as `unsubscribe`.
        let webCopy: Unsubscribe?
        let chart: Chart?
    }

    /// Savings achieved by the projects on the page, as bars scaled to the largest.
    struct Chart {
        let heading: String
        let bars: [Bar]
    }

    struct Bar {
        let label: String
        let value: String
        let percent: Int
    }

    struct Unsubscribe {
        let text: String
        let action: String
        let link: String
    }

    struct Figures {
        let heading: String
        let rows: [Row]
    }

    struct Row {
        let label: String
        let value: String
    }

    struct Section {
        let heading: String
        let items: [Item]
    }

    struct Item {
        let label: String
        let headline: Text
        let organisation: String?
        let facts: [String]
        let hasFacts: Bool
        let paragraphs: [Paragraph]
        let why: String?
        let contacts: [String]
        let stale: String?
        let link: String?
        let linkLabel: String
        let overdue: Bool
    }

    /// `lead` is deliberately not called `label`: Mustache would fall back to the item's label
    /// when a paragraph has none.
    struct Paragraph {
        let lead: String?
        let body: Text
    }

    let documentLang: String
    let pageTitle: String
    let titles: [Text]
    let bilingualNote: [Text]
    let isBilingual: Bool
    let editions: [Edition]
}

extension DigestView {
    init(_ digest: AssembledDigest, settings: Settings, register: Register, unsubscribe: String?, webCopy: String?) {
        let languages = digest.reader.language.languages
        let heading = { (language: Language) in
            let phrases = Phrasebook(language: language)
            return phrases.text(digest.definition.title)
        }
        documentLang = languages[0].rawValue
        isBilingual = languages.count > 1
        pageTitle = languages.map(heading).joined(separator: " / ")
        titles = languages.map { Text(text: heading($0), lang: $0.rawValue, note: nil) }
        bilingualNote = languages.count > 1
            ? languages.map { Text(text: Phrasebook(language: $0).bilingualNote, lang: $0.rawValue, note: nil) } : []
        editions = languages.map { language in
            EditionBuilder(phrases: Phrasebook(language: language), digest: digest, settings: settings, register: register)
                .edition(showLanguageName: languages.count > 1, unsubscribe: unsubscribe, webCopy: webCopy)
        }
    }
}

/// Words one language's edition of a digest. A class: its closures would otherwise each copy
/// the digest, settings and register, retaining every reference in them, for every item.
private final class EditionBuilder {
    let phrases: Phrasebook
    let digest: AssembledDigest
    let settings: Settings
    let register: Register

    init(phrases: Phrasebook, digest: AssembledDigest, settings: Settings, register: Register) {
        self.phrases = phrases
        self.digest = digest
        self.settings = settings
        self.register = register
    }

    func edition(showLanguageName: Bool, unsubscribe: String?, webCopy: String?) -> DigestView.Edition {
        let language = phrases.language
        let sections = digest.sections.filter { !$0.items.isEmpty }.map { section in
            DigestView.Section(heading: phrases.heading(section.kind), items: section.items.map { item($0) })
        }
        return DigestView.Edition(
            lang: language.rawValue,
            anchor: language == .welsh ? "cymraeg" : "english",
            languageName: phrases.languageName,
            showLanguageName: showLanguageName,
            title: phrases.text(digest.definition.title),
            issueLine: phrases.issueLine(digest.window, issueDate: digest.issueDate),
            preparedFor: phrases.preparedFor(
                digest.reader.organisation == nil ? phrases.text(digest.reader.audience.name) : digest.reader.name,
                organisation: digest.reader.organisation?.name),
            figures: digest.figures.map { figures($0) },
            sections: sections,
            nothingNew: digest.isEmpty ? phrases.nothingNew : nil,
            more: digest.omitted > 0 ? phrases.more(digest.omitted) : nil,
            fundTeam: phrases.fundTeam(settings.fundTeam),
            unsubscribe: unsubscribe.map { DigestView.Unsubscribe(text: phrases.unsubscribe, action: phrases.unsubscribeAction, link: $0) },
            webCopy: webCopy.map { DigestView.Unsubscribe(text: phrases.webCopy, action: phrases.webCopyAction, link: $0) },
            chart: chart())
    }

    private func text(_ localized: LocalizedText) -> DigestView.Text {
        let resolved = localized.resolved(in: phrases.language)
        // Line breaks typed in a spreadsheet cell are not paragraphs; fold them so every format lays text out alike.
        let folded = resolved.text.utf8.contains(UInt8(ascii: "\n"))
            ? resolved.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") : resolved.text
        return DigestView.Text(
            text: folded, lang: resolved.language.rawValue,
            note: resolved.language == phrases.language ? nil : phrases.untranslated)
    }

    private func chart() -> DigestView.Chart? {
        var seen = Set<ProjectID>()
        let projects = digest.sections.flatMap(\.items).compactMap(\.project).filter { project in
            (project.achievedSavings ?? .zero) > .zero && seen.insert(project.id).inserted
        }.sorted { ($0.achievedSavings!, $1.id) > ($1.achievedSavings!, $0.id) }.prefix(6)
        guard let largest = projects.first?.achievedSavings, largest > .zero else { return nil }
        return DigestView.Chart(heading: phrases.savingsChart, bars: projects.map { project in
            DigestView.Bar(
                label: "\(phrases.text(project.title)) (\(project.organisation.name))",
                value: project.achievedSavings!.formatted,
                percent: Int(project.achievedSavings!.value * 100 / largest.value))
        })
    }

    private func figures(_ figures: FundFigures) -> DigestView.Figures {
        var rows = [DigestView.Row(label: phrases.allProjects, value: phrases.figures(figures.total))]
        if let own = figures.yourOrganisation {
            rows.append(DigestView.Row(label: phrases.yourOrganisation, value: phrases.figures(own)))
        }
        rows.append(DigestView.Row(
            label: phrases.projectsBySector,
            value: figures.bySector.map { "\(phrases.text($0.sector.label)) \($0.line.projects)" }.joined(separator: ", ")))
        return DigestView.Figures(heading: phrases.figuresHeading(settings.programme), rows: rows)
    }

    private func paragraph(_ label: String?, _ body: LocalizedText?) -> DigestView.Paragraph? {
        body.map { DigestView.Paragraph(lead: label, body: text($0)) }
    }

    private func item(_ item: DigestItem) -> DigestView.Item {
        var facts: [String] = []
        var paragraphs: [DigestView.Paragraph?] = []
        let headline: LocalizedText
        var link: String?
        switch item.content {
        case .news(let project, let news):
            headline = project.title
            if let update = news.latestUpdate {
                facts.append("\(phrases.status): \(phrases.text(update.rag.label))")
                if let savings = update.savingsToDate { facts.append("\(phrases.savingsToDate): \(savings.formatted)") }
            }
            if news.newlyApproved || news.newlyEvaluated { facts.append(phrases.investment(project)) }
            // One page: an evaluation says more than the latest milestone, and one lesson is enough.
            if news.newlyEvaluated {
                paragraphs = [paragraph(phrases.evaluationFound, project.evaluation.summary)]
            } else {
                paragraphs = [
                    paragraph(nil, news.newlyApproved ? project.summary : nil),
                    paragraph(nil, news.latestUpdate?.milestone),
                    paragraph(phrases.nextSteps, news.latestUpdate?.nextSteps),
                ]
            }
            if let lesson = news.lessons.last(where: { $0.wentWrong != nil }) ?? news.lessons.last {
                paragraphs += [
                    paragraph(phrases.whatWentWrong, lesson.wentWrong),
                    paragraph(phrases.howOvercome, lesson.wentWrong == nil ? nil : lesson.overcome),
                    paragraph(phrases.whatWorked, lesson.wentWrong == nil ? lesson.worked : nil),
                ]
            }
            link = project.link
        case .similar(let match, let anchor, _):
            headline = match.title
            if let anchor {
                facts.append("\(phrases.similarTo): \(phrases.text(anchor.title)) (\(anchor.organisation.name))")
            }
            paragraphs = [paragraph(nil, match.summary)]
            link = match.link
        case .notice(let notice):
            headline = notice.title
            if let event = notice.eventOn { facts.append(phrases.date(event)) }
            paragraphs = [paragraph(nil, notice.details)]
            link = notice.link
        case .action(let action, _):
            headline = action.action
            facts = ["\(phrases.owner): \(action.owner)", "\(phrases.due): \(phrases.date(action.dueOn))"]
        }
        // Passing `register.themeLabel` itself would copy the register for every item.
        let reasons = item.reasons.prefix(3).map { reason in phrases.reason(reason) { register.themeLabel($0) } }
        return DigestView.Item(
            label: phrases.label(item.content, issueDate: digest.issueDate),
            headline: text(headline),
            organisation: item.project.map { project in
                if case .action = item.content { return phrases.text(project.title) }
                return project.organisation.name
            },
            facts: facts,
            hasFacts: !facts.isEmpty,
            paragraphs: paragraphs.compactMap { $0 },
            why: reasons.isEmpty ? nil : "\(phrases.why): " + reasons.joined(separator: " · "),
            contacts: item.content.contactProjects.map { contact($0.contact) },
            stale: item.staleContactSince.map(phrases.stale(since:)),
            link: link,
            linkLabel: phrases.moreAt,
            overdue: { if case .action(let action, _) = item.content { action.isOverdue(on: digest.issueDate) } else { false } }())
    }

    private func contact(_ contact: Contact) -> String {
        let name = contact.role.map { "\(contact.name) (\($0))" } ?? contact.name
        return "\(phrases.contact): " + [name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
    }
}
