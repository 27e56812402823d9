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

    /// Roughly how many words the item takes on the page, in English, for the budget.
    var englishWordCount: Int {
        let texts: [String?]
        switch self {
        case .news(let project, let news):
            let lesson = news.lessons.last(where: { $0.wentWrong != nil }) ?? news.lessons.last
            let lessonTexts = lesson.map { $0.wentWrong == nil ? [$0.worked?.english] : [$0.wentWrong?.english, $0.overcome?.english] } ?? []
            let story = news.newlyEvaluated
                ? [project.evaluation.summary?.english]
                : [news.newlyApproved ? project.summary?.english : nil, news.latestUpdate?.milestone.english,
                   news.latestUpdate?.nextSteps?.english]
            texts = [project.title.english] + story + lessonTexts
        case .similar(let match, let anchor, _):
            texts = [match.title.english, match.summary?.english, anchor?.title.english]
        case .notice(let notice):
            texts = [notice.title.english, notice.details?.english]
        case .action(let action, _):
            texts = [action.action.english, action.owner]
        }
        let contactLine = contactProjects.isEmpty ? 0 : 8
        return texts.compactMap { $0 }.reduce(contactLine + 6) { $0 + Self.words(in: $1) }
    }

    /// Words as runs of non-space bytes: plenty for a budget, and cheap enough to run for every reader.
    private static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 32 || byte == 10 || byte == 9 || byte == 13
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
