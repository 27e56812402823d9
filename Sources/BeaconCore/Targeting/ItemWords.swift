extension DigestItem.Content {
    /// Projects whose champions the item names.
    var contactProjects: [Project] {
        switch self {
        case .news(let project, _): [project]
        case .similar(let match, let anchor, let introduceBoth): [match] + (introduceBoth ? [anchor].compactMap { $0 } : [])
        case .action(_, let project): project.map { [$0] } ?? []
        case .notice: []
        }
    }

    /// Roughly how many words the item takes on the page, for the budget: the English, or
    /// the Welsh when that is much longer (counted from its length alone).
    var pageWordCount: Int {
        let texts: [LocalizedText?]
        var owner: String?
        switch self {
        case .news(let project, let news):
            let lesson = news.lessons.last(where: { $0.wentWrong != nil }) ?? news.lessons.last
            let lessonTexts = lesson.map { $0.wentWrong == nil ? [$0.worked] : [$0.wentWrong, $0.overcome] } ?? []
            let story = news.newlyEvaluated
                ? [project.evaluation.summary]
                : [news.newlyApproved ? project.summary : nil, news.latestUpdate?.milestone, news.latestUpdate?.nextSteps]
            texts = [project.title] + story + lessonTexts
        case .similar(let match, let anchor, _):
            texts = [match.title, match.summary, anchor?.title]
        case .notice(let notice):
            texts = [notice.title, notice.details]
        case .action(let action, _):
            texts = [action.action]
            owner = action.owner
        }
        let contactLine = contactProjects.isEmpty ? 0 : 8
        let fixed = contactLine + 6 + (owner.map { Self.words(in: $0) } ?? 0)
        return texts.compactMap { $0 }.reduce(fixed) { total, text in
            total + max(Self.words(in: text.english), (text.welsh?.utf8.count ?? 0) / Self.bytesPerWord)
        }
    }

    /// The longest run of bytes that counts as one word; a longer run counts once for each
    /// `bytesPerWord` bytes, so a title of five megabytes with no space is 300,000 words, not
    /// one, and a page within its budget stays about a page whatever the register holds.
    static let bytesPerWord = 16

    /// Words as runs of non-space bytes: plenty for a budget, and cheap enough to run for every reader.
    private static func words(in text: String) -> Int {
        var count = 0
        var run = 0
        for byte in text.utf8 {
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                if run > 0 { count += 1 + (run - 1) / bytesPerWord }
                run = 0
            } else {
                run += 1
            }
        }
        return run > 0 ? count + 1 + (run - 1) / bytesPerWord : count
    }
}
