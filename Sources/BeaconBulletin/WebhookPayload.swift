import BeaconChannelAPI
import BeaconCore
import Foundation

/// The JSON a webhook receives: `text` for chat tools' incoming webhooks (Teams, Slack and
/// the like show it as a message), and the full bulletin in named fields for anything else.
struct WebhookPayload: Encodable {
    let text: String
    let title: String
    let summary: String
    let markdown: String
    let network: String
    let issueDate: String
    let link: String?

    enum CodingKeys: String, CodingKey {
        case text, title, summary, markdown, network, link
        case issueDate = "issue_date"
    }

    init(_ issue: AssembledDigest, network: Audience, markdown: String, link: String?) {
        let title = issue.title(in: [.welsh, .english])
        let overdue = issue.sections.flatMap(\.items).filter { item in
            if case .action(let action, _) = item.content { action.isOverdue(on: issue.issueDate) } else { false }
        }.count
        let count = issue.sections.flatMap(\.items).count
        self.title = title
        self.summary = "\(count) items for \(network.name.english), \(overdue) overdue \(overdue == 1 ? "action" : "actions") / "
            + "\(count) eitem ar gyfer \(network.name.welsh ?? network.name.english), \(overdue) cam gweithredu'n hwyr"
        self.markdown = markdown
        // Chat tools render `text` as Markdown: the title and network names in it are register text.
        self.text = "**\(MarkdownEscaping.escape(title))**\n\n\(MarkdownEscaping.escape(summary))\n\n\(markdown)"
        self.network = network.id.rawValue
        self.issueDate = issue.issueDate.description
        self.link = link
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
