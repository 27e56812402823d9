import Foundation
import Testing

@Suite("The beacon command on the example configuration")
struct CommandLineTests {
    let asOf = ["--as-of", "2026-12-01"]

    @Test("check passes on the example and summarises it")
    func checkExample() throws {
        let result = try BeaconProcess.run(["check"] + asOf)
        #expect(result.status == 0)
        #expect(result.output.contains("Config/beacon.yml and everything it names are valid."))
        #expect(result.output.contains("Projects: 18"))
        #expect(result.output.contains("Digests: 3"))
        #expect(result.errors.contains("title_cy: warning: no Welsh text"))
        #expect(result.errors.contains("was last confirmed on"))
    }

    @Test("check lists every error in a broken copy as file:row:field and exits 1 having written nothing")
    func checkBroken() throws {
        let folder = try BeaconProcess.copyOfExample()
        let config = folder.appendingPathComponent("Config")
        try BeaconProcess.edit(config.appendingPathComponent("register/updates.csv"), replacingFirst: ",rag,", with: ",rag_status,")
        try BeaconProcess.edit(config.appendingPathComponent("register/projects.csv"), replacingFirst: ",2024-03-14,", with: ",14/13/2024,")
        try BeaconProcess.edit(config.appendingPathComponent("subscribers.yml"), replacingFirst: "email: eira.sampl@ceredigion.example", with: "email: \"eira.sampl@ceredigion.example\\r\\nBcc: everyone@example.org\"")
        try BeaconProcess.edit(config.appendingPathComponent("register/lessons.csv"), replacingFirst: "L-2026-001,I2S-2024-012", with: "L-2026-001,I2S-9999-999")
        try BeaconProcess.edit(config.appendingPathComponent("register/notices.csv"), replacingFirst: "N-2026-02,", with: "N-2026-01,")

        let result = try BeaconProcess.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains("Config/register/updates.csv:1:rag: this required column is missing from the header row"))
        #expect(lines.contains { $0.hasPrefix("Config/register/updates.csv:1:rag_status: unknown column; the columns are: update_id,") })
        #expect(lines.contains("Config/register/projects.csv:2:approved_on: \"14/13/2024\" is not a date; write 2026-04-01 or 01/04/2026"))
        #expect(lines.contains("Config/subscribers.yml:7:email: \"eira.sampl@ceredigion.example\\r\\nBcc: everyone@example.org\" is not a usable email address: it contains a line break"))
        #expect(lines.contains("Config/register/lessons.csv:3:project_id: no project in projects.csv has the id \"I2S-9999-999\""))
        #expect(lines.contains("Config/register/notices.csv:3:notice_id: \"N-2026-01\" is used twice; first at Config/register/notices.csv row 2"))
        #expect(lines.last == "6 errors; nothing was written. Fix the files above and run `beacon check` again.")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path))
    }

    @Test("preview gives a portfolio holder, a director and a network different digests, each item with its reason")
    func previewThreeReaders() throws {
        let councillor = try BeaconProcess.run(["preview", "portfolio-holders-monthly", "--for", "cllr-eira-sampl"] + asOf)
        let director = try BeaconProcess.run(["preview", "directors-fortnightly", "--for", "ffion-enghraifft"] + asOf)
        let network = try BeaconProcess.run(["preview", "network-meeting-bulletin", "--for", "directors-of-finance-network"] + asOf)
        for result in [councillor, director, network] { #expect(result.status == 0) }

        #expect(councillor.output.contains("Invest to Save at a glance"))
        #expect(councillor.output.contains("Prepared for Cllr Eira Sampl, Ceredigion County Council"))
        #expect(councillor.output.contains("(Why: your organisation · newly evaluated · independently evaluated)"))

        #expect(!director.output.contains("[English]"))
        #expect(director.output.contains("Cofnodion cleifion electronig ar gyfer nyrsio"))
        #expect(director.output.contains("(Pam: tebyg i'ch prosiect “Cofnodion cleifion digidol mewn clinigau"))
        #expect(director.output.contains("! cyswllt heb ei gadarnhau ers Mehefin 2025; gwiriwch cyn ffonio"))

        #expect(network.output.contains("Overdue action: Share the outpatient records business case"))
        #expect(network.output.contains("(Why: overdue by 31 days)"))
        let welsh = try #require(network.output.range(of: "[Cymraeg]"))
        let english = try #require(network.output.range(of: "[English]"))
        #expect(welsh.lowerBound < english.lowerBound)
    }

    @Test("preview is byte-identical from run to run, in every format")
    func previewDeterministic() throws {
        for format in ["text", "html", "markdown"] {
            let arguments = ["preview", "network-meeting-bulletin", "--for", "service-transformation-network", "--format", format] + asOf
            let first = try BeaconProcess.run(arguments)
            #expect(first.status == 0)
            #expect(first.output == (try BeaconProcess.run(arguments)).output)
        }
    }

    @Test("preview explains a digest or reader it does not know, and exits with a usage error")
    func previewMistakes() throws {
        let digest = try BeaconProcess.run(["preview", "weekly", "--for", "cllr-eira-sampl"])
        #expect(digest.status == 64)
        #expect(digest.errors.contains("no digest is called \"weekly\"; the digests are: portfolio-holders-monthly, directors-fortnightly, network-meeting-bulletin"))
        let reader = try BeaconProcess.run(["preview", "portfolio-holders-monthly", "--for", "ffion-enghraifft"])
        #expect(reader.status == 64)
        #expect(reader.errors.contains("\"ffion-enghraifft\" is not in an audience that portfolio-holders-monthly is written for"))
        let date = try BeaconProcess.run(["preview", "portfolio-holders-monthly", "--for", "cllr-eira-sampl", "--as-of", "1 Dec"])
        #expect(date.status == 64)
    }

    @Test("list shows each digest's audiences, schedule, channels and budget")
    func list() throws {
        let result = try BeaconProcess.run(["list"])
        #expect(result.status == 0)
        #expect(result.output.contains("network-meeting-bulletin — Invest to Save: network meeting bulletin"))
        #expect(result.output.contains("frequency: monthly; schedule: 0 9 1 * * (Europe/London)"))
        #expect(result.output.contains("budget: 8 items, 450 words"))
    }

    @Test("BEACON_ variables override settings from the file", arguments: [
        (["BEACON_STALE_CONTACT_MONTHS": "1"], "more than 1 months ago"),
        (["BEACON_CONFIG": "Config/nowhere.yml"], "Config/nowhere.yml: cannot read the file: no such file"),
    ])
    func environment(variables: [String: String], expected: String) throws {
        let result = try BeaconProcess.run(["check"] + asOf, environment: variables)
        #expect(result.errors.contains(expected))
    }

    @Test("Every command explains itself with --help", arguments: ["check", "list", "preview", "send", "run", "schedule", "history", "unsubscribe"])
    func help(command: String) throws {
        let result = try BeaconProcess.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("--config <path>"))
        #expect(result.output.contains("OVERVIEW:"))
    }
}

@Suite("beacon send on the example configuration")
struct SendCommandTests {
    @Test("With no SMTP server set, send writes every email to the outbox, summarises and reports")
    func sendToOutbox() throws {
        let folder = try BeaconProcess.copyOfExample()
        let result = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("email: 10 sent, 0 deferred, 0 failed"))
        #expect(result.output.contains("rss: 6 sent, 0 deferred, 0 failed"))
        #expect(result.output.contains("json-feed: 6 sent, 0 deferred, 0 failed"))
        #expect(result.output.contains("bulletin: 2 sent, 0 deferred, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests/bulletins/directors-of-finance-network/2026-12-01.html").path))
        let outbox = folder.appendingPathComponent("Digests/outbox/directors-fortnightly/2026-12-01")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted() == ["eleri-sampl.eml", "ffion-enghraifft.eml", "rhys-placeholder.eml"])
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Digests/reports").path)
        let report = try String(contentsOf: folder.appendingPathComponent("Digests/reports/\(try #require(reports.first))"), encoding: .utf8)
        #expect(report.hasPrefix("digest,issue_date,recipient,email,channel,outcome,detail\r\n"))
        #expect(report.components(separatedBy: "\r\n").filter { $0.contains(",email,sent,") }.count == 10)

        let again = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("directors-fortnightly issue of 2026-12-01 (news from 2026-11-17 to 2026-11-30): already opened; finishing what is outstanding."))
        #expect(again.output.contains("Nothing to send."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Digests/reports").path).count == 1)
    }

    @Test("An unsubscribe token from a sent message records its reader in the ledger; a changed one is refused")
    func unsubscribe() throws {
        let folder = try BeaconProcess.copyOfExample()
        #expect(try BeaconProcess.run(["check"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path), "check wrote something")
        _ = try BeaconProcess.run(["send", "directors-fortnightly", "--as-of", "2026-12-01"], in: folder)
        let message = try String(contentsOf: folder.appendingPathComponent("Digests/outbox/directors-fortnightly/2026-12-01/rhys-placeholder.eml"), encoding: .utf8)
        let header = try #require(message.components(separatedBy: "\r\n").first { $0.contains("mailto:") && $0.contains("unsubscribe%20") })
        let token = try #require(header.components(separatedBy: "unsubscribe%20").last?.split(separator: ">").first).description
        let genuine = try BeaconProcess.run(["unsubscribe", token], in: folder)
        #expect(genuine.status == 0)
        #expect(genuine.output.contains("Recorded: rhys.placeholder@bcuhb.example (rhys-placeholder) gets no more issues of directors-fortnightly."))
        let forged = try BeaconProcess.run(["unsubscribe", token.replacingOccurrences(of: "A", with: "B") + "x"], in: folder)
        #expect(forged.status == 64)
        let byHand = try BeaconProcess.run(["unsubscribe", "ffion.enghraifft@hyweldda.example"], in: folder)
        #expect(byHand.output.contains("Recorded: ffion.enghraifft@hyweldda.example gets no more digests."))
        let badAddress = try BeaconProcess.run(["unsubscribe", "someone@\nexample"], in: folder)
        #expect(badAddress.status == 64)
        #expect(try BeaconProcess.run(["check"], in: folder).output.contains("Unsubscribed in the ledger: 2 of the listed subscribers"))
        let back = try BeaconProcess.run(["unsubscribe", "--undo", "Ffion.Enghraifft@hyweldda.example"], in: folder)
        #expect(back.output.contains("Lifted: Ffion.Enghraifft@hyweldda.example gets digests again from the next issue."))
        #expect(try BeaconProcess.run(["check"], in: folder).output.contains("Unsubscribed in the ledger: 1 of the listed subscribers"))
        _ = try BeaconProcess.run(["unsubscribe", "ffion.enghraifft@hyweldda.example"], in: folder)
        let partly = try BeaconProcess.run(["unsubscribe", "--undo", "--digest", "directors-fortnightly", "ffion.enghraifft@hyweldda.example"], in: folder)
        #expect(partly.output.contains("is still unsubscribed from every digest"))
    }

    @Test("schedule gives next times on the London clock, BST after the change, and skips a date already sent")
    func schedule() throws {
        let folder = try BeaconProcess.copyOfExample()
        let before = try BeaconProcess.run(["schedule", "--as-of", "2027-03-15T12:00"], in: folder)
        #expect(before.output.contains("portfolio-holders-monthly: 0 9 1 * * (Europe/London)\n  last issue: none yet\n  next: Thu 1 Apr 2027 09:00 BST\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests").path), "schedule wrote something")
        #expect(try BeaconProcess.run(["send", "portfolio-holders-monthly", "--as-of", "2027-04-01"], in: folder).status == 0)
        let after = try BeaconProcess.run(["schedule", "--as-of", "2027-03-15T12:00"], in: folder)
        #expect(after.output.contains("  last issue: 2027-04-01, created Thu 1 Apr 2027 23:59 BST\n  next: Sat 1 May 2027 09:00 BST\n"))
    }

    @Test("--dry-run says what would go where and writes nothing")
    func dryRun() throws {
        let folder = try BeaconProcess.copyOfExample()
        let result = try BeaconProcess.run(["send", "portfolio-holders-monthly", "--dry-run", "--as-of", "2026-12-01"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("portfolio-holders-monthly issue of 2026-12-01 (news from 2026-11-01): would open with deliveries 3 over email to outbox Digests/outbox."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Digests/outbox").path))
        #expect(try BeaconProcess.run(["history"], in: folder).output.contains("No issues yet."))
    }

    @Test("An unreachable SMTP server gives one clear error, a summary and exit status 1")
    func deadServer() throws {
        let folder = try BeaconProcess.copyOfExample()
        let result = try BeaconProcess.run(["send", "--as-of", "2026-12-01"], in: folder, environment: ["BEACON_SMTP_URL": "smtp://127.0.0.1:1", "BEACON_SMTP_PASSWORD": "never printed"])
        #expect(result.status == 1)
        #expect(result.errors.contains("Stopped: email: cannot reach the SMTP server at smtp://127.0.0.1:1"))
        #expect(!(result.output + result.errors).contains("never printed"))
    }

    @Test("A digest naming a channel no module provides is an error listing the known ones")
    func unknownChannel() throws {
        let folder = try BeaconProcess.copyOfExample()
        try BeaconProcess.edit(folder.appendingPathComponent("Config/digests.yml"), replacingFirst: "channels: [email]", with: "channels: [emial]")
        let result = try BeaconProcess.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("Config/digests.yml:portfolio-holders-monthly.channels: no channel is called \"emial\"; the channels are: bulletin, email, json-feed, rss"))
    }

    @Test("A settings mistake in the email section is reported with its file, line and key")
    func badEmailSettings() throws {
        let folder = try BeaconProcess.copyOfExample()
        let result = try BeaconProcess.run(["check"], in: folder, environment: ["BEACON_SMTP_URL": "http://mail.example.org", "BEACON_SMTP_CONNECTIONS": "none"])
        #expect(result.status == 1)
        #expect(result.errors.contains("environment:BEACON_SMTP_URL: the SMTP server must be a URL such as smtp://mail.example.org:587 or smtps://mail.example.org"))
    }

    @Test("preview --format eml prints the exact message, which a mail parser reads")
    func previewEML() throws {
        let result = try BeaconProcess.run(["preview", "directors-fortnightly", "--for", "ffion-enghraifft", "--format", "eml", "--as-of", "2026-12-01"])
        #expect(result.status == 0)
        #expect(result.output.contains("\r\nSubject: =?UTF-8?B?"))
        #expect(result.output.contains("Content-Type: multipart/alternative;\r\n boundary=\"beacon-"))
        #expect(!result.output.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
