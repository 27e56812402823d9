@testable import BeaconBulletin
import BeaconChannelAPI
import BeaconChannelTesting
import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

let peers = packageRoot.appendingPathComponent("Tests/BeaconBulletinTests/Peers")
let december = CivilDate(year: 2026, month: 12, day: 1)!
let network = "directors-of-finance-network"
let webhookVariable = "BEACON_WEBHOOK_DIRECTORS_OF_FINANCE_NETWORK"

/// What one of the readers in `Peers/` prints about `arguments`.
func python(_ script: String, _ arguments: [String]) throws -> Data {
    try PythonScript.output(of: peers.appendingPathComponent(script), arguments)
}

/// The example register with the bulletin channel, edited if asked, its data in a temporary folder.
struct Example {
    let register: ExampleRegister
    let channel: BulletinChannel

    init(environment: [String: String] = [:], edit: ((URL) throws -> Void)? = nil) throws {
        register = try ExampleRegister(
            sections: [BulletinSettings.spec], environment: ["BEACON_BULLETIN_RETRY_DELAY": "0.05"].merging(environment) { $1 }, edit: edit)
        let (settings, problems) = BulletinSettings.read(from: register.configuration, environment: register.environment)
        channel = BulletinChannel(settings: try #require(settings, "\(problems)"))
    }

    var configuration: Configuration { register.configuration }

    var bulletins: URL { register.data.appendingPathComponent("bulletins") }

    @discardableResult
    func publish(on date: CivilDate = december) throws -> [String: DeliveryOutcome] {
        let definition = try #require(register.digest("network-meeting-bulletin"))
        let log = try channel.deliverRecording(register.deliveries(of: definition, over: channel, on: date))
        return Dictionary(log.recorded.map { ($0.delivery.recipient.label, $0.outcome) }) { _, last in last }
    }
}

struct Outline: Decodable {
    struct Item: Decodable {
        let overdue: Bool
        let text: String
    }

    let h1: Int
    let scripts: Int
    let sections: [String?]
    let items: [Item]
    let text: [String: String]

    static func read(_ file: URL) throws -> Outline {
        try JSONDecoder().decode(Outline.self, from: python("bulletin_outline.py", [file.path]))
    }
}

/// Python's http.server on loopback (see Peers/webhook_server.py).
final class WebhookServer {
    let folder: URL
    private let peer: PeerProcess

    init(_ arguments: [String] = []) throws {
        folder = try TemporaryFolder.make("bulletin")
        peer = try PeerProcess(
            script: peers.appendingPathComponent("webhook_server.py"), arguments: ["--dir", folder.path] + arguments,
            missing: "is python3 installed?")
    }

    var port: Int { peer.port }

    var url: String { "http://127.0.0.1:\(port)/hooks/secret-token-123" }

    var posts: [[String: Any]] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted().compactMap {
            try? JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as? [String: Any]
        }
    }
}

@Suite("Network bulletins", .serialized)
struct BulletinTests {
    @Test("Each network gets a printable bulletin with overdue actions first and marked, and an index")
    func pages() throws {
        let example = try Example()
        let outcomes = try example.publish()
        #expect(outcomes.count == 2)
        let folder = example.bulletins.appendingPathComponent(network)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["2026-12-01.html", "2026-12-01.md", "2026-12-01.txt", "index.html"])
        let page = try Outline.read(folder.appendingPathComponent("2026-12-01.html"))
        #expect(page.h1 == 1)
        #expect(page.sections == ["cy", "en"])
        #expect(page.scripts == 0)
        #expect(page.items.first?.overdue == true)
        #expect(page.items.first?.text.contains("Rhannu achos busnes y cofnodion cleifion allanol") == true)
        #expect(page.items.filter(\.overdue).count == 1)
        #expect(page.text["en"]?.contains("Network actions") == true)
        #expect(page.text["en"]?.contains("Savings achieved so far by the projects above") == true)
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"2026-12-01.html\">1 Rhagfyr 2026 / <span lang=\"en\">1 December 2026</span></a>"))
    }

    @Test("A <script> in an action's text is shown as text")
    func hostileAction() throws {
        let example = try Example { config in
            let file = config.appendingPathComponent("register/actions.csv")
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "Rhannu achos busnes y cofnodion cleifion allanol", with: "<script>alert(1)</script> Rhannu achos busnes y cofnodion cleifion allanol")
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try example.publish()
        let page = try Outline.read(example.bulletins.appendingPathComponent("\(network)/2026-12-01.html"))
        #expect(page.scripts == 0)
        #expect(page.items.first?.text.contains("<script>alert(1)</script> Rhannu") == true)
    }

    @Test("Markdown and a webhook's message, rendered as chat tools render them, show register text as typed")
    func hostileMarkdown() throws {
        // "*" with a combining mark is one Character but still emphasis to a Markdown reader.
        let title = "Bulletin <img src=x onerror=alert(1)> *\u{301}x*\u{301} & &amp; #"
        let team = "1) Team <b>x</b> _under_ [link](https://example.org)"
        let action = "Share *\u{301}records*\u{301} <i>now</i> \\ `code`"
        let server = try WebhookServer()
        let example = try Example(environment: [webhookVariable: server.url]) { config in
            try Self.replace(in: config.appendingPathComponent("digests.yml"),
                             "en: \"Invest to Save: network meeting bulletin\"", with: "en: '\(title)'")
            try Self.replace(in: config.appendingPathComponent("beacon.yml"), "en: Invest to Save team, Welsh Government", with: "en: '\(team)'")
            try Self.replace(in: config.appendingPathComponent("register/actions.csv"),
                             "Share the outpatient records business case with Betsi Cadwaladr and Cardiff and Vale", with: action)
        }
        try example.publish()
        let posts = try FileManager.default.contentsOfDirectory(atPath: server.folder.path).filter { $0.hasSuffix(".json") }
            .map { server.folder.appendingPathComponent($0).path }
        #expect(posts.count == 1)
        let markdown = example.bulletins.appendingPathComponent("\(network)/2026-12-01.md").path
        let rendered = try JSONDecoder().decode([RenderedMarkdown].self, from: python("read_markdown.py", [markdown] + posts))
        #expect(rendered.count == 2)
        for page in rendered {
            #expect(Set(page.elements).isSubset(of: ["p", "h1", "h2", "h3", "hr", "ul", "li", "strong", "em", "a", "br"]), "\(page.elements)")
            #expect(page.text.contains(title), "\(page.text)")
        }
        #expect(rendered[0].text.contains(team))
        #expect(rendered[0].text.contains(action))
    }

    struct RenderedMarkdown: Decodable {
        let elements: [String]
        let text: String
    }

    static func replace(in file: URL, _ old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("Later bulletins leave earlier ones untouched, here and in the shared folder")
    func history() throws {
        let shared = try TemporaryFolder.make("bulletin")
        let example = try Example(environment: ["BEACON_BULLETIN_FOLDER": shared.path])
        try example.publish(on: CivilDate(year: 2026, month: 9, day: 8)!)
        let first = try Data(contentsOf: shared.appendingPathComponent("\(network)/2026-09-08.html"))
        try example.publish()
        #expect(try Data(contentsOf: shared.appendingPathComponent("\(network)/2026-09-08.html")) == first)
        #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("\(network)/2026-12-01.md").path))
        let index = try String(contentsOf: example.bulletins.appendingPathComponent("\(network)/index.html"), encoding: .utf8)
        let newer = try #require(index.range(of: "2026-12-01.html"))
        let older = try #require(index.range(of: "2026-09-08.html"))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test("A webhook receives the bulletin as chat tools and other systems expect it")
    func webhook() throws {
        let server = try WebhookServer()
        let outcomes = try Example(environment: [webhookVariable: server.url]).publish()
        guard case .delivered(let detail) = outcomes["\(network).both"] else { Issue.record("not delivered: \(outcomes)"); return }
        #expect(detail.hasPrefix("written to "))
        #expect(detail.hasSuffix("2026-12-01.html; webhook for \(network) answered 200"))
        let post = try #require(server.posts.first)
        #expect(server.posts.count == 1)
        #expect((post["text"] as? String)?.hasPrefix("**Buddsoddi i Arbed: bwletin cyfarfod y rhwydwaith – 1 Rhagfyr 2026 / Invest to Save: network meeting bulletin – 1 December 2026**") == true)
        #expect((post["text"] as? String)?.contains("Share the outpatient records business case") == true)
        #expect(post["network"] as? String == network)
        #expect(post["issue_date"] as? String == "2026-12-01")
        #expect((post["summary"] as? String)?.contains("1 overdue action") == true)
        #expect((post["markdown"] as? String)?.contains("Overdue action") == true)
    }

    @Test("429 with Retry-After is waited for, then delivered once")
    func retryAfter() throws {
        let server = try WebhookServer(["--statuses", "429,200", "--retry-after", "1"])
        let started = Date()
        let outcomes = try Example(environment: [webhookVariable: server.url]).publish()
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(outcomes["\(network).both"].map { if case .delivered = $0 { true } else { false } } == true)
        #expect(server.posts.count == 2)
    }

    @Test("A 500 storm runs out of retries and is reported as deferred")
    func serverErrors() throws {
        let server = try WebhookServer(["--statuses", "500"])
        let outcomes = try Example(environment: [webhookVariable: server.url, "BEACON_BULLETIN_ATTEMPTS": "3"]).publish()
        guard case .deferred(let reason) = outcomes["\(network).both"] else { Issue.record("not deferred: \(outcomes)"); return }
        #expect(reason.contains("webhook for \(network) answered 500"))
        #expect(reason.contains("(after 3 attempts)"))
        #expect(!reason.contains("secret-token-123"))
        #expect(server.posts.count == 3)
    }

    @Test("A 400 fails at once, with the server's answer")
    func refused() throws {
        let server = try WebhookServer(["--statuses", "400"])
        let outcomes = try Example(environment: [webhookVariable: server.url]).publish()
        guard case .failed(let reason) = outcomes["\(network).both"] else { Issue.record("not failed: \(outcomes)"); return }
        #expect(reason.contains("refused the bulletin with 400: {\"error\": \"refused by the test server\"}"))
        #expect(server.posts.count == 1)
    }

    @Test("A webhook that never answers times out and is deferred")
    func timeout() throws {
        let server = try WebhookServer(["--hang"])
        let outcomes = try Example(environment: [webhookVariable: server.url, "BEACON_BULLETIN_TIMEOUT": "1", "BEACON_BULLETIN_ATTEMPTS": "1"]).publish()
        #expect(outcomes["\(network).both"].map { "\($0)" }?.contains("no answer within 1 seconds") == true)
    }

    @Test("Plain http to another machine is refused, naming the variable but not the address")
    func httpsOnly() throws {
        let example = try Example()
        let (settings, problems) = BulletinSettings.read(
            from: example.configuration, environment: [webhookVariable: "http://hooks.example.org/secret-token-123"])
        #expect(settings == nil)
        #expect(problems.map(\.description) == ["environment:\(webhookVariable): must use https (set bulletin.allow_http: true only for a server on a network you trust)"])
    }

    @Test("Plain http is allowed only to a host whose name resolves to this machine, not to one spelt like it")
    func httpLoopbackByAddress() {
        #expect(BulletinSettings.problem(with: "http://localhost:8080/hook", allowHTTP: false) == nil)
        #expect(BulletinSettings.problem(with: "http://127.0.0.1:8080/hook", allowHTTP: false) == nil)
        #expect(BulletinSettings.problem(with: "http://127.evil.example/hook", allowHTTP: false)?.hasPrefix("must use https") == true)
    }
}
