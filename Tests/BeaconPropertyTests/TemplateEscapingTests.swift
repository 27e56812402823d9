import BeaconChannelAPI
import BeaconChannelTesting
@testable import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

/// The Mustache path (bulletins' print page, operators' templates) escapes as the built-in
/// layout does, byte by byte.
@Suite("Templates escape register text byte by byte")
struct TemplateEscapingTests {
    @Test("A quote carrying a combining mark in a link stays inside its attribute, in the bulletin and an operator's template")
    func combiningMarkAfterQuote() throws {
        let folder = try TemporaryFolder.make("property")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = HostileRegister(texts: HostileRegister.fields.map { _ in "Plain words" })
        let environment = ["BEACON_DATA": folder.appendingPathComponent("Digests").path]
        let loaded = try ConfigurationLoader.load(settingsFile: try plain.write(to: folder), environment: environment).configuration
        // In memory: a check on input is not what keeps a page safe.
        let link = "https://www.gov.wales.example/i2s\"\u{301}/onmouseover=alert(1)//"
        let register = loaded.register
        let notices = register.notices.map { notice in
            Notice(id: notice.id, fund: notice.fund, kind: notice.kind, title: notice.title, details: notice.details,
                   publishedOn: notice.publishedOn, eventOn: notice.eventOn, sectors: notice.sectors, link: link)
        }
        let configuration = Configuration(
            settings: loaded.settings,
            register: Register(funds: register.funds, themes: register.themes, projects: register.projects, updates: register.updates,
                               lessons: register.lessons, notices: notices, actions: register.actions),
            audiences: loaded.audiences, subscribers: loaded.subscribers, digests: loaded.digests)
        try FileManager.default.createDirectory(at: configuration.settings.templatesFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CaseOutputs.templates.appendingPathComponent("digest.html.mustache"),
            to: configuration.settings.templatesFolder.appendingPathComponent("digest.html.mustache"))
        let renderer = try DigestRenderer(configuration: configuration)
        var files: [CaseOutputs.File] = []
        for (digest, format) in [("network", DigestFormat.print), ("portfolio", .html)] {
            let definition = try #require(configuration.digest(DigestID(digest)))
            let reach: ChannelReach = digest == "network" ? .eachNetwork : .eachSubscriber
            let channel = ChannelName(digest == "network" ? "bulletin" : "email")
            for delivery in configuration.deliveries(of: definition, over: channel, reach: reach, on: CaseOutputs.issueDate, renderer: renderer) {
                let page = renderer.render(delivery.issue, as: format)
                #expect(page.contains("i2s&quot;\u{301}/onmouseover"), "the notice and its link are on the page")
                let file = folder.appendingPathComponent("\(digest)-\(files.count).html")
                try Data(page.utf8).write(to: file)
                files.append(CaseOutputs.File(kind: "html", path: file.path))
            }
        }
        #expect(files.count == 2)
        let readings = try OutputCheck.read([OutputCheck.Case(texts: [:], files: files)], in: folder)
        #expect(readings.first?.problems == [])
    }
}
